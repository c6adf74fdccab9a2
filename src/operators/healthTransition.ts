/** How many consecutive results decide a monitor's state. */
export interface Thresholds {
  /** Consecutive failures before the monitor is `down`. */
  failureThreshold: number;
  /** Consecutive successes before the monitor is `up`. */
  successThreshold: number;
}

/** What {@link nextHealth} remembers about one monitor between results. */
export interface HealthTrack {
  /** The decided state; `unknown` until the first threshold is reached. */
  state: 'unknown' | 'up' | 'down';
  /** Whether the current streak is of ok results. */
  streakOk: boolean;
  /** Length of the current streak of equal outcomes. */
  streak: number;
}

/** The track after one result, and the new state when the result changed it. */
export interface HealthStep {
  track: HealthTrack;
  changedTo?: 'up' | 'down';
}

/**
 * One step of the anti-flapping state machine (Gatus's thresholds): a streak of `failureThreshold`
 * failures makes a monitor `down`, a streak of `successThreshold` successes makes it `up`; anything
 * else leaves the state as it was. From `unknown`, whichever threshold is reached first decides.
 * Thresholds below 1 count as 1.
 *
 * @param track What was known before (`undefined` for a monitor not seen yet).
 * @param ok Whether the new result was ok.
 * @param thresholds The monitor's thresholds.
 * @returns The new track, with `changedTo` set when the state changed.
 */
export function nextHealth(track: HealthTrack | undefined, ok: boolean, thresholds: Thresholds): HealthStep {
  const streak = track !== undefined && track.streakOk === ok ? track.streak + 1 : 1;
  const state = track?.state ?? 'unknown';
  const needed = Math.max(1, ok ? thresholds.successThreshold : thresholds.failureThreshold);
  const target = ok ? 'up' : 'down';
  if (streak >= needed && state !== target) {
    return { track: { state: target, streakOk: ok, streak }, changedTo: target };
  }
  return { track: { state, streakOk: ok, streak } };
}
