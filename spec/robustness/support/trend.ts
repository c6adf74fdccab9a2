/**
 * The sum of every sample of one metric in a Prometheus text exposition (all label sets), or
 * undefined when it has none. `nodejs_active_handles` → the total over its `type` labels.
 *
 * @param text A `/metrics` body.
 * @param name The exact metric name (no `_bucket`-style suffix matching).
 * @param label Only the samples carrying this label, written as in the exposition (`type="TCPWRAP"`).
 * @returns The sum, or undefined.
 */
export function metricSum(text: string, name: string, label?: string): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match === null || match[1] !== name) continue;
    if (label !== undefined && !(match[2] ?? '').includes(label)) continue;
    sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

/**
 * The least-squares slope of `ys` over `xs`.
 *
 * @param xs The x values (such as minutes).
 * @param ys The y values.
 * @returns dy/dx; 0 with fewer than two points.
 */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - meanX) * (ys[i] - meanY);
    den += (xs[i] - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * The median.
 *
 * @param values At least one number.
 * @returns The middle value (the mean of the two middle ones for an even count).
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Medians of the first and the last third of a series (at least one value each), to compare the
 * start of a run with its end without one noisy sample deciding.
 *
 * @param values The series, in time order (at least 2 values).
 * @returns `{ first, last }`.
 */
export function thirds(values: readonly number[]): { first: number; last: number } {
  const size = Math.max(1, Math.floor(values.length / 3));
  return { first: median(values.slice(0, size)), last: median(values.slice(-size)) };
}

/**
 * The Theil–Sen slope: the median of the slopes between every pair of points. One GC that drops
 * RSS by 60 MB moves a least-squares line a lot and this one hardly at all, while a steady climb
 * moves both.
 *
 * @param xs The x values (such as minutes), in order.
 * @param ys The y values.
 * @returns dy/dx; 0 with fewer than two points.
 */
export function robustSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
    }
  }
  return slopes.length === 0 ? 0 : median(slopes);
}

/**
 * The lowest value of the first and of the last third of a series. For RSS under a GC sawtooth the
 * low points are where a collection just ran: a floor that stays put is a sawtooth, a floor that
 * rises is memory that no collection gives back.
 *
 * @param values The series, in time order (at least 2 values).
 * @returns `{ first, last }`.
 */
export function floorThirds(values: readonly number[]): { first: number; last: number } {
  const size = Math.max(1, Math.floor(values.length / 3));
  return { first: Math.min(...values.slice(0, size)), last: Math.min(...values.slice(-size)) };
}
