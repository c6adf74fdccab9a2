import { type OperatorFunction, filter, map } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';
import { healthSteps } from '../operators/healthSteps.js';
import type { Thresholds } from '../operators/healthTransition.js';
import type { HealthSnapshot } from '../storage/store.js';

/** Options of {@link alertHealth}. */
export interface AlertHealthOptions {
  /** The alert's `failure_threshold`: consecutive failed checks before this alert sees the monitor `down`. */
  failureThreshold: number;
  /** Each monitor's own thresholds (its `success_threshold` still decides when it is `up` again). */
  thresholdsFor?: (monitor: string) => Thresholds | undefined;
  /** `success_threshold` of a monitor `thresholdsFor` does not know. Default 2. */
  successThreshold?: number;
  /** Tracks to start from (the store's), as for `healthSteps`. */
  resume?: readonly HealthSnapshot[];
}

/**
 * The monitor states one alert follows when it sets its own `failure_threshold`: the same
 * anti-flapping machine as `health()`, over the same results, but `down` after the alert's number of
 * consecutive failures instead of the monitor's — an alert with `failure_threshold: 1` pages at the
 * first failure, one with `10` only when a monitor has failed ten checks in a row. Recovery keeps the
 * monitor's `success_threshold`. Emits only changes, like `health()`.
 *
 * ```
 * results:                                -f-f-f-o-o-|   (monitor: failure 3, success 2)
 * alertHealth({ failureThreshold: 1 }):   -D-------U-|
 * ```
 *
 * @param options The alert's threshold, the monitors' thresholds, the tracks to resume.
 * @returns An operator from check results to this alert's monitor states.
 */
export function alertHealth({ failureThreshold, thresholdsFor, successThreshold = 2, resume }: AlertHealthOptions): OperatorFunction<CheckResult, MonitorState> {
  return (results$) =>
    results$.pipe(
      healthSteps({
        defaults: { failureThreshold, successThreshold },
        thresholdsFor: (monitor) => ({ failureThreshold, successThreshold: thresholdsFor?.(monitor)?.successThreshold ?? successThreshold }),
        ...(resume === undefined ? {} : { resume }),
      }),
      map((step) => step.change),
      filter((change): change is MonitorState => change !== undefined),
    );
}
