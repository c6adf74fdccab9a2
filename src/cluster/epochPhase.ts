import { stableHash } from '../monitor/firstCheckOffset.js';

/**
 * The delay of a cluster monitor's first check: to the next point of its epoch-aligned phase,
 * `stableHash(name) / 2^32 × checkEvery` past each multiple of `checkEvery` since the Unix epoch.
 * Every instance computes the same points, so a monitor taken over keeps its phase: the new owner
 * checks where the old one would have, not "now" (which could be right after the old one's check).
 *
 * ```
 * epochPhaseOffset('api', 10_000, 1_000_000_003_000)  // the wait to the next point, in [0, 10 s)
 * ```
 *
 * @param name The monitor's name.
 * @param checkEveryMs Its interval, ms.
 * @param nowMs Now, ms since the epoch.
 * @returns The delay, ms, in `[0, checkEveryMs)`.
 */
export function epochPhaseOffset(name: string, checkEveryMs: number, nowMs: number): number {
  const phase = Math.floor((stableHash(name) / 2 ** 32) * checkEveryMs);
  return (((phase - nowMs) % checkEveryMs) + checkEveryMs) % checkEveryMs;
}
