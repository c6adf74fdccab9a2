import type { CheckResult } from '../check/checkResult.js';
import type { AggregateBucket } from '../storage/store.js';

/** The phases of a check, as the chart stacks them (bottom first). */
export const PHASES = ['dnsMs', 'connectMs', 'tlsMs', 'firstByteMs', 'transferMs'] as const;
export type Phase = (typeof PHASES)[number];

/** One bar of the response-time chart. */
export interface ChartBin {
  /** Start, ms since the epoch. */
  startMs: number;
  /** Width, ms. */
  widthMs: number;
  /** Checks in the bin. */
  checks: number;
  /** Of those, failed. */
  failed: number;
  /** Average `durationMs` over the checks; absent with none. */
  latencyMs?: number;
  /** Average of each phase over the checks that had timings; absent when none had them. */
  phases?: Record<Phase, number>;
}

/** The chart's ranges, and how each is read and binned. */
export const CHART_RANGES = {
  '1h': { ms: 3_600_000, source: 'results', binMs: 60_000 },
  '6h': { ms: 21_600_000, source: 'results', binMs: 300_000 },
  '24h': { ms: 86_400_000, source: 'hour', binMs: 3_600_000 },
  '7d': { ms: 604_800_000, source: 'hour', binMs: 3_600_000 },
  '30d': { ms: 2_592_000_000, source: 'hour', binMs: 3_600_000 },
} as const;
export type ChartRange = keyof typeof CHART_RANGES;

function emptyBins(sinceMs: number, untilMs: number, binMs: number): ChartBin[] {
  const first = Math.floor(sinceMs / binMs) * binMs;
  const bins: ChartBin[] = [];
  for (let start = first; start < untilMs; start += binMs) bins.push({ startMs: start, widthMs: binMs, checks: 0, failed: 0 });
  return bins;
}

/**
 * Bins raw results (ranges of a few hours) into fixed-width bars: per bin the checks, the failures,
 * the average latency and the average of each phase. A pure calculation.
 *
 * @param results The results, any order.
 * @param window `sinceMs`, `untilMs` and the bin width `binMs`.
 * @returns The bins, oldest first (empty ones included, so time runs evenly).
 */
export function binResults(results: readonly CheckResult[], { sinceMs, untilMs, binMs }: { sinceMs: number; untilMs: number; binMs: number }): ChartBin[] {
  const bins = emptyBins(sinceMs, untilMs, binMs);
  const first = bins[0]?.startMs ?? 0;
  const sums = bins.map(() => ({ latency: 0, timed: 0, phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 0, transferMs: 0 } }));
  for (const result of results) {
    const index = Math.floor((Date.parse(result.startedAt) - first) / binMs);
    const bin = bins[index];
    if (!bin) continue;
    bin.checks += 1;
    if (!result.ok) bin.failed += 1;
    const sum = sums[index];
    sum.latency += result.durationMs;
    if (result.timings) {
      sum.timed += 1;
      for (const phase of PHASES) sum.phases[phase] += result.timings[phase];
    }
  }
  bins.forEach((bin, index) => {
    const sum = sums[index];
    if (bin.checks > 0) bin.latencyMs = sum.latency / bin.checks;
    if (sum.timed > 0) bin.phases = averages(sum.phases, sum.timed);
  });
  return bins;
}

/**
 * Bars from the store's aggregate buckets (ranges of days): phase averages are the phase sums over
 * the count of checks that had timings.
 *
 * @param buckets The monitor's buckets, any order.
 * @param window `sinceMs`, `untilMs` and the bucket width `binMs`.
 * @returns The bins, oldest first (hours without a bucket included, empty).
 */
export function binBuckets(buckets: readonly AggregateBucket[], { sinceMs, untilMs, binMs }: { sinceMs: number; untilMs: number; binMs: number }): ChartBin[] {
  const bins = emptyBins(sinceMs, untilMs, binMs);
  const first = bins[0]?.startMs ?? 0;
  for (const bucket of buckets) {
    const bin = bins[Math.floor((bucket.startMs - first) / binMs)];
    if (!bin || bucket.checks === 0) continue;
    bin.checks = bucket.checks;
    bin.failed = bucket.checks - bucket.ok;
    bin.latencyMs = bucket.latencySumMs / bucket.checks;
    const { count, ...sums } = bucket.phases;
    if (count > 0) bin.phases = averages(sums, count);
  }
  return bins;
}

function averages(sums: Record<Phase, number>, count: number): Record<Phase, number> {
  return {
    dnsMs: sums.dnsMs / count,
    connectMs: sums.connectMs / count,
    tlsMs: sums.tlsMs / count,
    firstByteMs: sums.firstByteMs / count,
    transferMs: sums.transferMs / count,
  };
}
