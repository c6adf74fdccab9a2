import { type OperatorFunction, type SchedulerLike, asyncScheduler, defer, map } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { TimeWindow } from './timeWindow.js';

/** The rolling availability of one monitor, emitted by {@link availability}. */
export interface Availability {
  /** The monitor's name. */
  monitor: string;
  /** Share of ok checks in the window, 0 to 1. */
  ratio: number;
  /** How many checks the window holds (at least 1: the one just in). */
  checks: number;
}

interface OkWindow {
  window: TimeWindow<boolean>;
  ok: number;
}

/**
 * The rolling share of ok checks per monitor over the last `windowMs`, emitted on every result.
 *
 * A result belongs to the window from its arrival (`scheduler.now()` when it passes) until
 * `windowMs` later. Each monitor has its own window; each subscription its own state. Adding and
 * evicting is amortised O(1) (a ring buffer, no scan).
 *
 * ```
 * results:          -o-f-o-o-|   (o ok, f failed; one monitor; one frame = 1 ms)
 * availability(4):  -a-b-c-d-|   (a = 1 of 1, b = 1/2, c = 1/2, d = 2/2: what is 4 ms old has left)
 * ```
 *
 * ## Example
 * ```ts
 * import { monitor, availability } from 'rxmon';
 *
 * monitor({ name: 'api', url: 'https://api.example.com/health', checkEvery: '10s' })
 *   .pipe(availability(60 * 60_000))
 *   .subscribe(({ monitor, ratio, checks }) =>
 *     console.log(`${monitor}: ${(ratio * 100).toFixed(2)}% of ${checks} checks in the last hour`),
 *   );
 * ```
 *
 * @param windowMs Width of the window, ms; must be positive.
 * @param scheduler Where arrival times come from. Default `asyncScheduler`.
 * @returns An operator from check results to availabilities.
 * @throws RangeError when `windowMs` is not a positive number.
 */
export function availability(
  windowMs: number,
  scheduler: SchedulerLike = asyncScheduler,
): OperatorFunction<CheckResult, Availability> {
  if (!(windowMs > 0)) throw new RangeError(`availability: windowMs must be a positive number of ms, got ${windowMs}`);
  return (results$) =>
    defer(() => {
      const windows = new Map<string, OkWindow>();
      return results$.pipe(
        map(({ monitor, ok }) => {
          let state = windows.get(monitor);
          if (state === undefined) {
            state = { window: new TimeWindow<boolean>(windowMs), ok: 0 };
            windows.set(monitor, state);
          }
          const current = state;
          if (ok) current.ok += 1;
          current.window.add(scheduler.now(), ok, (wasOk) => {
            if (wasOk) current.ok -= 1;
          });
          const checks = current.window.size;
          return { monitor, ratio: current.ok / checks, checks };
        }),
      );
    });
}
