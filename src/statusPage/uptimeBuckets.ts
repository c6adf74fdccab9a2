const MINUTE_MS = 60_000;

/** Minutes in a day: how many buckets {@link UptimeBuckets} keeps. */
export const BUCKET_MINUTES = 1_440;

/**
 * Ok/total counts of one monitor's checks per wall-clock minute over the last day: 1,440 fixed
 * buckets (about 17 KB), reused as time moves on, so memory stays the same whatever the check rate.
 *
 * A bucket belongs to one minute since the epoch; a bucket whose minute is older than the window
 * asked for is ignored, and overwritten when its slot comes round again. The share over the last
 * `n` minutes counts the current (partial) minute and the `n - 1` before it.
 *
 * ## Example
 * ```ts
 * const buckets = new UptimeBuckets();
 * buckets.record(scheduler.now(), true);
 * buckets.ratio(scheduler.now(), 60); // 1 (100 % over the last hour)
 * ```
 */
export class UptimeBuckets {
  private readonly minutes = new Int32Array(BUCKET_MINUTES).fill(-1);
  private readonly ok = new Uint32Array(BUCKET_MINUTES);
  private readonly total = new Uint32Array(BUCKET_MINUTES);

  /**
   * Counts one check.
   *
   * @param nowMs When it arrived, ms since the epoch (a scheduler's `now()`).
   * @param ok Whether it was ok.
   */
  record(nowMs: number, ok: boolean): void {
    this.add(nowMs, ok ? 1 : 0, 1);
  }

  /**
   * Counts several checks at once into the minute of `atMs` (a restart restores stored hourly
   * counts this way: each hour's checks land in its first minute).
   *
   * @param atMs The minute's time, ms since the epoch.
   * @param ok How many were ok.
   * @param total How many there were.
   */
  add(atMs: number, ok: number, total: number): void {
    const minute = Math.floor(atMs / MINUTE_MS);
    const slot = minute % BUCKET_MINUTES;
    if (this.minutes[slot] !== minute) {
      this.minutes[slot] = minute;
      this.ok[slot] = 0;
      this.total[slot] = 0;
    }
    this.total[slot] += total;
    this.ok[slot] += ok;
  }

  /**
   * The share of ok checks over the last `windowMinutes` minutes.
   *
   * @param nowMs Now, ms since the epoch.
   * @param windowMinutes 1 to 1,440.
   * @returns 0 to 1, or `undefined` when no check fell in the window.
   */
  ratio(nowMs: number, windowMinutes: number): number | undefined {
    const current = Math.floor(nowMs / MINUTE_MS);
    const width = Math.min(Math.max(1, Math.floor(windowMinutes)), BUCKET_MINUTES);
    let ok = 0;
    let total = 0;
    for (let minute = current - width + 1; minute <= current; minute += 1) {
      const slot = minute % BUCKET_MINUTES;
      if (this.minutes[slot] !== minute) continue;
      ok += this.ok[slot];
      total += this.total[slot];
    }
    return total === 0 ? undefined : ok / total;
  }
}
