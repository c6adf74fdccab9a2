import { type Observable, type SchedulerLike, asyncScheduler, defer, map, merge, share } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { type HeartbeatMonitorSpec, missedResult, pingResult } from './heartbeatResult.js';
import { missedDeadlines } from './missedDeadlines.js';
import type { Ping } from './ping.js';
import { timedPings } from './timedPings.js';

/** What {@link heartbeatResults} needs besides the spec and the pings. */
export interface HeartbeatResultsOptions {
  scheduler?: SchedulerLike;
  /**
   * Read at subscription: when the monitor's last result was (ms since the epoch; a stored one
   * after a restart). The first deadline counts from it; absent: from the subscription.
   */
  lastResultAt?: () => number | undefined;
}

/**
 * A heartbeat monitor's results: each success or fail ping is a result at once, and the pings are
 * switch-mapped to a deadline timer (`expect_every + grace`) whose every miss is a
 * `HEARTBEAT_MISSED` result. Cold; subscribing subscribes the pings once.
 *
 * ```
 * pings:              ---o--------f-------   (expect_every 4, grace 2; o success, f fail)
 * heartbeatResults(): ---O-----M--F-----M-   O ok, M missed at 3 + 6, F failed (resets the deadline)
 * ```
 *
 * @param spec The heartbeat monitor.
 * @param pings$ Its accepted pings (hot, from the ping hub).
 * @param options The scheduler and where the first deadline counts from.
 * @returns Results, in time order; never completes by itself (unsubscribe to stop).
 */
export function heartbeatResults(
  spec: HeartbeatMonitorSpec,
  pings$: Observable<Ping>,
  { scheduler = asyncScheduler, lastResultAt }: HeartbeatResultsOptions = {},
): Observable<CheckResult> {
  return defer(() => {
    const { expectEvery, grace } = spec.heartbeat;
    const window = expectEvery + grace;
    const last = lastResultAt?.();
    const firstDueIn = last === undefined ? window : Math.max(0, last + window - scheduler.now());
    const reported$ = pings$.pipe(timedPings(scheduler), share());
    return merge(
      reported$.pipe(map(({ ping, atMs, durationMs }) => pingResult(spec, ping, atMs, durationMs))),
      reported$.pipe(
        missedDeadlines({ firstDueIn, window, every: expectEvery, scheduler }),
        map((atMs) => missedResult(spec, atMs)),
      ),
    );
  });
}
