/**
 * The values that arrived within the last `windowMs`: a growable ring buffer (a deque), so adding a
 * value and evicting the old ones costs amortised O(1), never a scan of the whole window.
 *
 * A value that arrived at `at` is inside the window at time `now` while `now - at < windowMs`.
 */
export class TimeWindow<T> {
  private times: number[] = new Array<number>(8);
  private values: (T | undefined)[] = new Array<T | undefined>(8);
  private head = 0;
  private count = 0;

  /**
   * @param windowMs Width of the window, ms; must be positive.
   */
  constructor(readonly windowMs: number) {}

  /** How many values are in the window (as of the last {@link add}). */
  get size(): number {
    return this.count;
  }

  /**
   * Adds `value` as arrived at `now`, then evicts every value that fell out of the window.
   *
   * @param now Arrival time, ms (a scheduler's `now()`).
   * @param value The value.
   * @param evicted Called with each value that fell out, oldest first.
   */
  add(now: number, value: T, evicted: (value: T) => void): void {
    if (this.count === this.times.length) this.grow();
    const tail = (this.head + this.count) % this.times.length;
    this.times[tail] = now;
    this.values[tail] = value;
    this.count += 1;
    const cutoff = now - this.windowMs;
    while (this.count > 0 && this.times[this.head] <= cutoff) {
      const old = this.values[this.head] as T;
      this.values[this.head] = undefined;
      this.head = (this.head + 1) % this.times.length;
      this.count -= 1;
      evicted(old);
    }
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Array<number>(capacity);
    const values = new Array<T | undefined>(capacity);
    for (let i = 0; i < this.count; i += 1) {
      const from = (this.head + i) % this.times.length;
      times[i] = this.times[from];
      values[i] = this.values[from];
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }
}
