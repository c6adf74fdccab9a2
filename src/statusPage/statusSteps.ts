import { type OperatorFunction, connect, map, merge } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';
import { type RestartableHealthOptions, restartableHealth } from './restartableHealth.js';

/** One step for the status board: a state the health operator decided, or a result to record. */
export type StatusStep = { kind: 'state'; change: MonitorState } | { kind: 'result'; result: CheckResult };

/**
 * Interleaves check results with the state changes they cause, the change first: so once a
 * result's step is handled, the monitor's state already reflects that result.
 *
 * The results are shared (`connect`) between {@link restartableHealth} and the pass-through; the
 * health branch is subscribed first, so for each result its state change (if any) comes out before
 * the result itself, in the same frame.
 *
 * ```
 * results: -a-b-c----d-e----|   (a, b, c failed, d, e ok; failureThreshold 3, successThreshold 2)
 * output:  -a-b-(Dc)-d-(Ue)-|   (D, U: the state steps, each just before its result's step)
 * ```
 *
 * @param options Thresholds per monitor, and the restarts (see {@link restartableHealth}).
 * @returns An operator from check results to status steps.
 */
export function statusSteps(options: RestartableHealthOptions): OperatorFunction<CheckResult, StatusStep> {
  return (results$) =>
    results$.pipe(
      connect((shared$) =>
        merge(
          shared$.pipe(
            restartableHealth(options),
            map((change): StatusStep => ({ kind: 'state', change })),
          ),
          shared$.pipe(map((result): StatusStep => ({ kind: 'result', result }))),
        ),
      ),
    );
}
