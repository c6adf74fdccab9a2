import { type OperatorFunction, filter, map } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { HealthSnapshot } from '../storage/store.js';
import type { Thresholds } from './healthTransition.js';
import { healthSteps } from './healthSteps.js';

/** A monitor's decided state, emitted by {@link health} when it changes. */
export interface MonitorState {
  /** The monitor's name. */
  monitor: string;
  state: 'up' | 'down';
  /** `startedAt` (ISO) of the result that caused the change. */
  since: string;
  /** The result that caused the change. */
  result: CheckResult;
  /** How many consecutive results agreed when the change happened (the threshold, at least). */
  consecutive: number;
}

/** Options of {@link health}. */
export interface HealthOptions {
  /** Consecutive failures before a monitor is `down`. Default 3. */
  failureThreshold?: number;
  /** Consecutive successes before a monitor is `up`. Default 2. */
  successThreshold?: number;
  /**
   * Per-monitor thresholds (the daemon passes each monitor's config). `undefined` for a monitor:
   * the defaults above apply.
   */
  thresholdsFor?: (monitor: string) => Thresholds | undefined;
  /** Tracks to start from (a restarted daemon's stored health): no second change for a monitor already down. */
  resume?: readonly HealthSnapshot[];
}

/**
 * Turns check results into state changes, one state per monitor name, with anti-flapping
 * thresholds (like Gatus's).
 *
 * A monitor starts unknown. It becomes `down` after `failureThreshold` consecutive failed results and
 * `up` after `successThreshold` consecutive ok ones; from unknown, the first threshold reached
 * decides. Only changes are emitted. Each subscription keeps its own states. Thresholds below 1
 * count as 1.
 *
 * ```
 * results:  -f-f-f-f-o-o-f-o-o-|   (f failed, o ok; failureThreshold 3, successThreshold 2)
 * health(): -----D-----U-------|
 * ```
 *
 * ## Example
 * ```ts
 * import { monitor, health } from 'rxmon';
 *
 * monitor({ name: 'api', url: 'https://api.example.com/health', checkEvery: '10s' })
 *   .pipe(health({ failureThreshold: 3, successThreshold: 2 }))
 *   .subscribe(({ monitor, state, result }) =>
 *     console.log(`${monitor} is ${state}`, result.error?.message ?? ''),
 *   );
 * ```
 *
 * @param options Default thresholds, and optional per-monitor thresholds.
 * @returns An operator from check results to monitor state changes.
 */
export function health({
  failureThreshold = 3,
  successThreshold = 2,
  thresholdsFor,
  resume,
}: HealthOptions = {}): OperatorFunction<CheckResult, MonitorState> {
  return (results$) =>
    results$.pipe(
      healthSteps({ defaults: { failureThreshold, successThreshold }, thresholdsFor, resume }),
      map((step) => step.change),
      filter((change): change is MonitorState => change !== undefined),
    );
}
