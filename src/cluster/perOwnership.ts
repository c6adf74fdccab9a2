import { type Observable, type OperatorFunction, filter, from, mergeMap, takeUntil } from 'rxjs';
import type { MonitorState } from '../operators/health.js';
import type { ClusterStep } from './ownedMonitors.js';

/**
 * Runs `decide` over each monitor's states once per ownership: from the step that starts the
 * monitor here to the step that stops it. A new owner's pipeline begins with the incident it takes
 * over (`resume`: the stored down state, whose alert the last owner sent), so it sends no second
 * down alert and sends the resolved one on recovery; a stopped monitor's pipeline ends, and with it
 * its pending reminders, so that only the owner alerts.
 *
 * ```
 * steps:   -s------t-     (s starts monitor m, t stops it)
 * states:  ---d--u---u    (m's states)
 * result:  ---D--U---     (decide's output while m is owned)
 * ```
 *
 * @param steps$ What this instance runs (hot; shared).
 * @param states$ Every state change of this instance's monitors (hot; shared).
 * @param decide Makes the per-ownership pipeline, given the states to resume from.
 * @returns What the pipelines emit.
 */
export function perOwnership<T>(steps$: Observable<ClusterStep>, states$: Observable<MonitorState>, decide: (resume: MonitorState[]) => OperatorFunction<MonitorState, T>): Observable<T> {
  return steps$.pipe(
    mergeMap((step) =>
      from(step.started).pipe(
        mergeMap(({ monitor, down }) =>
          states$.pipe(
            filter((state) => state.monitor === monitor),
            takeUntil(steps$.pipe(filter((later) => later.stopped.includes(monitor)))),
            decide(down ? [down] : []),
          ),
        ),
      ),
    ),
  );
}
