/**
 * The sum of every sample of one metric in a Prometheus text exposition (all label sets), or
 * undefined when it has none. `nodejs_active_handles` → the total over its `type` labels.
 *
 * @param text A `/metrics` body.
 * @param name The exact metric name (no `_bucket`-style suffix matching).
 * @returns The sum, or undefined.
 */
export function metricSum(text: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match === null || match[1] !== name) continue;
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
