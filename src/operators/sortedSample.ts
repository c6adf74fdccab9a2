/**
 * A multiset of numbers kept sorted, for percentiles over a sliding window: add and remove find
 * their place by binary search (O(log n) compares, one array move), a percentile is a lookup.
 */
export class SortedSample {
  private readonly sorted: number[] = [];

  /** How many numbers are in the sample. */
  get size(): number {
    return this.sorted.length;
  }

  /** Adds one number. */
  add(value: number): void {
    this.sorted.splice(this.lowerBound(value), 0, value);
  }

  /** Removes one occurrence of `value`, if present. */
  remove(value: number): void {
    const at = this.lowerBound(value);
    if (this.sorted[at] === value) this.sorted.splice(at, 1);
  }

  /**
   * The nearest-rank percentile: the smallest value such that at least `p`% of the sample is less
   * than or equal to it, i.e. the value at rank `ceil(p / 100 × n)` (1-based). Always a value that
   * was measured, never an interpolation. NaN for an empty sample.
   *
   * @param p The percentile, 0 < p ≤ 100.
   * @returns The value at that rank.
   */
  percentile(p: number): number {
    const n = this.sorted.length;
    if (n === 0) return Number.NaN;
    const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
    return this.sorted[rank - 1];
  }

  private lowerBound(value: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid] < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
