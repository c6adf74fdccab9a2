import { EMPTY, type Observable, type OperatorFunction, connect, defer, endWith, ignoreElements, map, merge, takeUntil, tap } from 'rxjs';
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
  /**
   * Monitors that start over while running (a cluster instance that takes one over): each value
   * replaces that monitor's kept track with the stored one, or forgets it (no snapshot: it starts
   * unknown). Followed until the results complete.
   */
  restart$?: Observable<{ monitor: string; snapshot?: HealthSnapshot }>;
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
export function healthSteps({ defaults, thresholdsFor, resume = [], restart$ = EMPTY }: HealthStepsOptions): OperatorFunction<CheckResult, HealthUpdate> {
  return (source$) =>
    defer(() => {
      const tracks = new Map<string, { track: HealthTrack; since?: string }>(
        resume.map((snapshot) => [snapshot.monitor, { track: snapshot.track, since: snapshot.since }]),
      );
      const restarts$ = restart$.pipe(
        tap(({ monitor, snapshot }) => {
          if (snapshot) tracks.set(monitor, { track: snapshot.track, since: snapshot.since });
          else tracks.delete(monitor);
        }),
        ignoreElements(),
      );
      const results$ = source$.pipe(connect((shared$) => merge(restarts$.pipe(takeUntil(shared$.pipe(ignoreElements(), endWith(true)))), shared$)));
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
