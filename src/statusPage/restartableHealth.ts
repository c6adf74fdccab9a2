import { type Observable, type OperatorFunction, filter, groupBy, mergeMap } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { type MonitorState, health } from '../operators/health.js';
import type { Thresholds } from '../operators/healthTransition.js';

/** Options of {@link restartableHealth}. */
export interface RestartableHealthOptions {
  /** A monitor's thresholds (`undefined`: health's defaults, 3 failures and 2 successes). */
  thresholdsFor: (monitor: string) => Thresholds | undefined;
  /** Each name emitted forgets that monitor's state: it starts unknown again (a reload changed or removed it). */
  restarts$: Observable<string>;
}

/**
 * The {@link health} operator, one instance per monitor, that can forget a monitor on demand.
 *
 * Results are grouped by monitor; each group runs its own `health()`. A name on `restarts$` ends that
 * monitor's group, so its next result starts a fresh one: unknown until a threshold is reached
 * again.
 *
 * ```
 * results:   -f-f-f-----f-f-f-|   (one monitor, f failed; failureThreshold 3)
 * restarts$: --------r--------    (r: that monitor's name)
 * output:    -----D---------D-|
 * ```
 *
 * @param options Thresholds per monitor, and the restarts.
 * @returns An operator from check results to state changes.
 */
export function restartableHealth({ thresholdsFor, restarts$ }: RestartableHealthOptions): OperatorFunction<CheckResult, MonitorState> {
  return (results$) =>
    results$.pipe(
      groupBy((result) => result.monitor, {
        duration: (group) => restarts$.pipe(filter((name) => name === group.key)),
      }),
      mergeMap((group) => group.pipe(health({ thresholdsFor }))),
    );
}
