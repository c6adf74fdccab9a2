/**
 * Small pure statistics for the benchmark: percentiles, median, mean, least-squares slope.
 * No dependencies; arrays are never mutated.
 */

/**
 * The p-th percentile by nearest rank (p in 0..100) of `values`.
 *
 * @param {number[]} values Samples, any order.
 * @param {number} p Percentile, 0..100.
 * @returns {number} The value, or NaN for no samples.
 */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Several percentiles at once (one sort).
 *
 * @param {number[]} values Samples.
 * @param {number[]} ps Percentiles, 0..100.
 * @returns {number[]} One value per p (NaN when there are no samples).
 */
export function percentiles(values, ps) {
  if (values.length === 0) return ps.map(() => NaN);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
}

/**
 * The median (50th percentile, nearest rank).
 *
 * @param {number[]} values Samples.
 * @returns {number} The median or NaN.
 */
export function median(values) {
  return percentile(values, 50);
}

/**
 * The arithmetic mean.
 *
 * @param {number[]} values Samples.
 * @returns {number} The mean or NaN.
 */
export function mean(values) {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Least-squares line through (x, y) points.
 *
 * @param {Array<[number, number]>} points The points.
 * @returns {{ slope: number, intercept: number }} slope in y per x; NaN with fewer than 2 distinct x.
 */
export function linearFit(points) {
  const n = points.length;
  if (n < 2) return { slope: NaN, intercept: NaN };
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  if (sxx === 0) return { slope: NaN, intercept: NaN };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * Rounds for display: integers above 100, one decimal above 10, two below.
 *
 * @param {number} value The number.
 * @returns {string} A short string; `n/a` for NaN/undefined.
 */
export function fmt(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
