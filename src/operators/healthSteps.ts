import { type OperatorFunction, defer, map } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { HealthSnapshot } from '../storage/store.js';
import type { MonitorState } from './health.js';
import { type HealthTrack, type Thresholds, nextHealth } from './healthTransition.js';

/** One result and what it did to its monitor's health. */
export interface HealthUpdate {
  result: CheckResult;
  /** The monitor's track after the result. */
  track: HealthTrack;
  /** `startedAt` of the result that decided the current state (absent while `unknown`). */
  since?: string;
  /** Set when this result changed the state. */
  change?: MonitorState;
}

/** Options of {@link healthSteps}. */
export interface HealthStepsOptions {
  /** Default thresholds. */
  defaults: Thresholds;
  /** Per-monitor thresholds; `undefined` for a monitor: the defaults. */
  thresholdsFor?: (monitor: string) => Thresholds | undefined;
  /**
   * Tracks to start from (a restarted daemon's stored health): a monitor that was `down` stays
   * down — no second change — until its successes bring it up.
   */
  resume?: readonly HealthSnapshot[];
}

/**
 * Every result with its monitor's health after it: the anti-flapping state machine of `health()`,
 * step by step, so that the store can keep each monitor's track and a restart can resume it.
 *
 * ```
 * results:       -f-f-f-o-o-|    (failureThreshold 3, successThreshold 2)
 * healthSteps(): -a-b-C-d-E-|    (C and E carry a change: down, then up)
 * ```
 *
 * @param options Thresholds and the tracks to resume from.
 * @returns An operator from results to steps, one per result.
 */
export function healthSteps({ defaults, thresholdsFor, resume = [] }: HealthStepsOptions): OperatorFunction<CheckResult, HealthUpdate> {
  return (results$) =>
    defer(() => {
      const tracks = new Map<string, { track: HealthTrack; since?: string }>(
        resume.map((snapshot) => [snapshot.monitor, { track: snapshot.track, since: snapshot.since }]),
      );
      return results$.pipe(
        map((result): HealthUpdate => {
          const known = tracks.get(result.monitor);
          const step = nextHealth(known?.track, result.ok, thresholdsFor?.(result.monitor) ?? defaults);
          const since = step.changedTo === undefined ? known?.since : result.startedAt;
          tracks.set(result.monitor, { track: step.track, since });
          if (step.changedTo === undefined) return { result, track: step.track, ...(since === undefined ? {} : { since }) };
          const change: MonitorState = {
            monitor: result.monitor,
            state: step.changedTo,
            since: result.startedAt,
            result,
            consecutive: step.track.streak,
          };
          return { result, track: step.track, since: result.startedAt, change };
        }),
      );
    });
}
