import { type OperatorFunction, type SchedulerLike, asyncScheduler, defer, map } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { SortedSample } from './sortedSample.js';
import { TimeWindow } from './timeWindow.js';

/** Rolling latency percentiles of one monitor, emitted by {@link latency}. All in ms. */
export interface Latency {
  /** The monitor's name. */
  monitor: string;
  p50: number;
  p95: number;
  p99: number;
  /** How many checks the window holds (at least 1: the one just in). */
  checks: number;
}

interface DurationWindow {
  window: TimeWindow<number>;
  sample: SortedSample;
}

/**
 * Rolling percentiles of `durationMs` per monitor over the last `windowMs`, emitted on every result.
 *
 * Percentiles are nearest-rank: pN is the value at rank `ceil(N / 100 × checks)` of the sorted
 * durations, so it is always a duration that was measured (with 1 check, p50 = p95 = p99 = it).
 * Every result counts, failed ones too (a timeout lasts as long as the timeout); to measure only
 * answered checks, `filter((r) => r.ok)` first. A result belongs to the window from its arrival
 * (`scheduler.now()`) until `windowMs` later. Each monitor has its own window, each subscription
 * its own state. Cost per result: O(log n) compares and one array move of a sorted sample.
 *
 * ```
 * durationMs:      -a-b-c-|   (a = 30, b = 10, c = 20; monitor "m"; window wide enough)
 * latency(100):    -x-y-z-|   (x.p50 = 30, y.p50 = 10, z.p50 = 20, z.p99 = 30)
 * ```
 *
 * ## Example
 * ```ts
 * import { filter } from 'rxjs';
 * import { monitor, latency } from 'rxmon';
 *
 * monitor({ name: 'api', url: 'https://api.example.com/health', checkEvery: '5s' })
 *   .pipe(filter((result) => result.ok), latency(15 * 60_000))
 *   .subscribe(({ monitor, p50, p95, p99 }) => console.log(monitor, { p50, p95, p99 }));
 * ```
 *
 * @param windowMs Width of the window, ms; must be positive.
 * @param scheduler Where arrival times come from. Default `asyncScheduler`.
 * @returns An operator from check results to latency percentiles.
 * @throws RangeError when `windowMs` is not a positive number.
 */
export function latency(windowMs: number, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<CheckResult, Latency> {
  if (!(windowMs > 0)) throw new RangeError(`latency: windowMs must be a positive number of ms, got ${windowMs}`);
  return (results$) =>
    defer(() => {
      const windows = new Map<string, DurationWindow>();
      return results$.pipe(
        map(({ monitor, durationMs }) => {
          let state = windows.get(monitor);
          if (state === undefined) {
            state = { window: new TimeWindow<number>(windowMs), sample: new SortedSample() };
            windows.set(monitor, state);
          }
          const { window, sample } = state;
          sample.add(durationMs);
          window.add(scheduler.now(), durationMs, (old) => sample.remove(old));
          return {
            monitor,
            p50: sample.percentile(50),
            p95: sample.percentile(95),
            p99: sample.percentile(99),
            checks: window.size,
          };
        }),
      );
    });
}
