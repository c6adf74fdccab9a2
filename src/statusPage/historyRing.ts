/**
 * The last `capacity` values, oldest first: a fixed-size ring buffer. Adding is O(1) and memory
 * never grows past `capacity`, however long the daemon runs.
 *
 * ## Example
 * ```ts
 * const ring = new HistoryRing<number>(3);
 * [1, 2, 3, 4].forEach((n) => ring.push(n));
 * ring.toArray(); // [2, 3, 4]
 * ```
 */
export class HistoryRing<T> {
  private readonly slots: (T | undefined)[];
  private next = 0;
  private count = 0;

  /**
   * @param capacity How many values to keep; a whole number of at least 1.
   * @throws RangeError when `capacity` is not a whole number of at least 1.
   */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`HistoryRing: capacity must be a whole number of at least 1, got ${capacity}`);
    }
    this.slots = new Array<T | undefined>(capacity);
  }

  /** How many values it holds (at most `capacity`). */
  get size(): number {
    return this.count;
  }

  /**
   * Adds a value, dropping the oldest one when full.
   *
   * @param value The value.
   */
  push(value: T): void {
    this.slots[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /**
   * The values, oldest first.
   *
   * @returns A new array.
   */
  toArray(): T[] {
    const start = (this.next - this.count + this.capacity) % this.capacity;
    const values: T[] = [];
    for (let i = 0; i < this.count; i += 1) values.push(this.slots[(start + i) % this.capacity] as T);
    return values;
  }
}
