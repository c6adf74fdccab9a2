import { Observable, type OperatorFunction, type Subscription } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorChange } from './diffMonitorSpecs.js';

/**
 * Runs monitors as their specs change: one lane per monitor name, in which a new spec switches to a
 * fresh monitor stream (aborting the old one's in-flight check) and a removal switches to nothing.
 * Lanes are merged into one stream of results — `groupBy(name)` + `switchMap` + `mergeMap`, done
 * by hand: a lane is one subscription in a map, not three operator subscribers, a Subject and their
 * closures (about 3 KB a monitor, 150 MB at 50,000). The contract is the same: an error of the
 * changes or of a lane errors the output; the output completes when the changes have completed and
 * no lane is running.
 *
 * ```
 * changes:   a-------A-----x       (a: add, A: change, x: remove)
 * results:   --r--r----R--R-|…     (a's stream, then A's; nothing after the removal)
 * ```
 *
 * @param resultsFor Makes a monitor's result stream for a spec.
 * @returns The operator.
 */
export function runMonitors(resultsFor: (spec: ResolvedMonitorSpec) => Observable<CheckResult>): OperatorFunction<MonitorChange, CheckResult> {
  return (changes$) =>
    new Observable<CheckResult>((subscriber) => {
      const lanes = new Map<string, Subscription>();
      let changesDone = false;
      // Shared by every lane: a result or an error goes straight out.
      const next = (result: CheckResult) => subscriber.next(result);
      const error = (cause: unknown) => subscriber.error(cause);
      const start = (name: string, spec: ResolvedMonitorSpec) => {
        let lane: Subscription | undefined;
        let ended = false;
        lane = resultsFor(spec).subscribe({
          next,
          error,
          complete: () => {
            ended = true;
            if (lane !== undefined && lanes.get(name) === lane) lanes.delete(name);
            if (changesDone && lanes.size === 0) subscriber.complete();
          },
        });
        // A stream that ended (or failed the output) while subscribing has no lane to keep.
        if (!ended && !subscriber.closed) lanes.set(name, lane);
      };
      const changes = changes$.subscribe({
        next: (change) => {
          const running = lanes.get(change.name);
          if (running !== undefined) {
            lanes.delete(change.name);
            running.unsubscribe();
          }
          if (change.spec) start(change.name, change.spec);
        },
        error,
        complete: () => {
          changesDone = true;
          if (lanes.size === 0) subscriber.complete();
        },
      });
      return () => {
        changes.unsubscribe();
        for (const lane of lanes.values()) lane.unsubscribe();
        lanes.clear();
      };
    });
}
