/** Spread of first checks per monitor in the config, ms: 10 ms each, at least 1 s. */
const SPREAD_PER_MONITOR_MS = 10;
const MIN_SPREAD_MS = 1_000;

/**
 * FNV-1a, 32 bit: a small, stable hash of a string (same name → same value, on every run and
 * machine).
 *
 * @param text The string to hash.
 * @returns An unsigned 32-bit integer.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A stable, well-mixed 32-bit hash of a name: FNV-1a followed by MurmurHash3's finalizer, so that
 * similar names (`monitor-1`, `monitor-2`, …) still spread evenly. Used for first-check offsets and
 * shards.
 *
 * @param text The string to hash.
 * @returns An unsigned 32-bit integer.
 */
export function stableHash(text: string): number {
  let hash = fnv1a32(text);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The delay of a monitor's first check, so that many monitors do not all fire in the same instant
 * (as Prometheus spreads its scrapes).
 *
 * The rule: `offset = stableHash(name) / 2^32 × min(checkEvery, max(1 s, monitorCount × 10 ms))`.
 * A handful of monitors all check within the first second; 10,000 monitors at 10 s spread over the
 * whole interval. The same name always gets the same offset.
 *
 * @param name The monitor's name.
 * @param checkEveryMs The monitor's interval, ms.
 * @param monitorCount How many monitors the daemon runs.
 * @returns The offset in ms, in `[0, min(checkEvery, spread))`.
 */
export function firstCheckOffset(name: string, checkEveryMs: number, monitorCount: number): number {
  const spread = Math.min(checkEveryMs, Math.max(MIN_SPREAD_MS, monitorCount * SPREAD_PER_MONITOR_MS));
  return Math.floor((stableHash(name) / 2 ** 32) * spread);
}

/**
 * The first-check delay of a monitor started `lateMs` after its schedule was set (on a worker
 * thread, which starts after the main thread planned its monitors): a monitor whose offset is still
 * ahead keeps its planned time (`offset − lateMs` from now); one whose offset has passed takes its
 * offset again from now, so that it starts one `lateMs` behind its plan instead of all overdue
 * monitors firing at once.
 *
 * Why: a burst of every overdue first check (at 50,000 monitors over 30 s, a worker's 3 s start-up
 * made 5,000 of them due together) queues behind the concurrency bound for seconds, and each of
 * those monitors then shows an interval that far off between its first and second check. Taken
 * from now, the overdue ones arrive at their planned rate, beside the on-time ones, and every
 * interval after the first check is exact.
 *
 * ```
 * offsets:      a--b------c----d      (lateMs 5)
 * from now:     a--b c----d           (c, d on plan; a, b five late, spread as planned)
 * ```
 *
 * @param offset The planned offset ({@link firstCheckOffset}), ms.
 * @param lateMs How long ago the schedule was set, ms (≥ 0).
 * @returns The delay from now, ms.
 */
export function lateStartOffset(offset: number, lateMs: number): number {
  return offset >= lateMs ? offset - lateMs : offset;
}
