import { EMPTY, type Observable, type OperatorFunction, groupBy, mergeMap, switchMap } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorChange } from './diffMonitorSpecs.js';

/**
 * Runs monitors as their specs change: one lane per monitor name (`groupBy`), in which a new spec
 * switches to a fresh monitor stream (aborting the old one's in-flight check) and a removal switches
 * to nothing. Lanes are merged into one stream of results.
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
    changes$.pipe(
      groupBy((change) => change.name),
      mergeMap((lane$) => lane$.pipe(switchMap((change) => (change.spec ? resultsFor(change.spec) : EMPTY)))),
    );
}
