import type { CheckResult } from '../check/checkResult.js';
import { type AggregateBucket, LATENCY_BUCKETS_MS, type UptimeFigure } from './store.js';

/** Milliseconds in an hourly and a daily aggregate bucket. */
export const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/**
 * The start of the bucket a time falls in (UTC hours and days).
 *
 * @param ms A time, ms since the epoch.
 * @param width `hour` or `day`.
 * @returns The bucket's start, ms since the epoch.
 */
export function bucketStart(ms: number, width: keyof typeof BUCKET_MS): number {
  return Math.floor(ms / BUCKET_MS[width]) * BUCKET_MS[width];
}

/**
 * Which histogram bucket a latency falls in.
 *
 * @param latencyMs A `durationMs`.
 * @returns 0 to {@link LATENCY_BUCKETS_MS}.length (the open bucket).
 */
export function histogramIndex(latencyMs: number): number {
  let index = 0;
  while (index < LATENCY_BUCKETS_MS.length && latencyMs > LATENCY_BUCKETS_MS[index]) index += 1;
  return index;
}

/**
 * An aggregate bucket with nothing counted yet.
 *
 * @param monitor The monitor.
 * @param startMs The bucket's start.
 * @returns The empty bucket.
 */
export function emptyBucket(monitor: string, startMs: number): AggregateBucket {
  return {
    monitor,
    startMs,
    checks: 0,
    ok: 0,
    latencySumMs: 0,
    histogram: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
    phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 0, transferMs: 0, count: 0 },
  };
}

/**
 * Counts one result into a bucket (in place).
 *
 * @param bucket The bucket.
 * @param result A result of its monitor within its span.
 */
export function countResult(bucket: AggregateBucket, result: CheckResult): void {
  const latency = result.durationMs;
  bucket.checks += 1;
  if (result.ok) bucket.ok += 1;
  bucket.latencySumMs += latency;
  bucket.latencyMinMs = bucket.latencyMinMs === undefined ? latency : Math.min(bucket.latencyMinMs, latency);
  bucket.latencyMaxMs = bucket.latencyMaxMs === undefined ? latency : Math.max(bucket.latencyMaxMs, latency);
  bucket.histogram[histogramIndex(latency)] += 1;
  const timings = result.timings;
  if (timings) {
    const phases = bucket.phases;
    phases.dnsMs += timings.dnsMs;
    phases.connectMs += timings.connectMs;
    phases.tlsMs += timings.tlsMs;
    phases.firstByteMs += timings.firstByteMs;
    phases.transferMs += timings.transferMs;
    phases.count += 1;
  }
}

/**
 * The buckets a batch of results adds to, one per (monitor, bucket start): what a store upserts.
 * Results marked `maintenance` are left out: uptime and latency figures exclude maintenance time
 * (the raw results keep the mark).
 *
 * @param results The batch's results.
 * @param width `hour` or `day`.
 * @returns The partial buckets, to be added to what is stored.
 */
export function bucketsOf(results: readonly CheckResult[], width: keyof typeof BUCKET_MS): AggregateBucket[] {
  const byKey = new Map<string, AggregateBucket>();
  for (const result of results) {
    if (result.maintenance) continue;
    const startMs = bucketStart(Date.parse(result.startedAt), width);
    const key = `${startMs}\u0000${result.monitor}`;
    let bucket = byKey.get(key);
    if (!bucket) {
      bucket = emptyBucket(result.monitor, startMs);
      byKey.set(key, bucket);
    }
    countResult(bucket, result);
  }
  return [...byKey.values()];
}

/**
 * Adds one figure into another (in place): how stored buckets sum to a window.
 *
 * @param into The running total.
 * @param add A bucket or figure of the same monitor.
 */
export function addFigure(into: UptimeFigure, add: UptimeFigure): void {
  into.checks += add.checks;
  into.ok += add.ok;
  into.latencySumMs += add.latencySumMs;
  if (add.latencyMinMs !== undefined) into.latencyMinMs = into.latencyMinMs === undefined ? add.latencyMinMs : Math.min(into.latencyMinMs, add.latencyMinMs);
  if (add.latencyMaxMs !== undefined) into.latencyMaxMs = into.latencyMaxMs === undefined ? add.latencyMaxMs : Math.max(into.latencyMaxMs, add.latencyMaxMs);
  for (let index = 0; index < into.histogram.length; index += 1) into.histogram[index] += add.histogram[index] ?? 0;
}

/**
 * A rough percentile from a histogram: the upper bound of the bucket where the rank falls (the
 * observed maximum for the open bucket).
 *
 * @param figure A summed figure.
 * @param quantile 0 to 1, such as 0.99.
 * @returns The latency in ms, or `undefined` with no checks.
 */
export function percentileOf(figure: UptimeFigure, quantile: number): number | undefined {
  if (figure.checks === 0) return undefined;
  const rank = Math.max(1, Math.ceil(quantile * figure.checks));
  let seen = 0;
  for (let index = 0; index < figure.histogram.length; index += 1) {
    seen += figure.histogram[index];
    if (seen >= rank) {
      const bound = index < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[index] : figure.latencyMaxMs;
      return Math.min(bound ?? Infinity, figure.latencyMaxMs ?? Infinity);
    }
  }
  return figure.latencyMaxMs;
}
