import { type OperatorFunction, type SchedulerLike, asyncScheduler, connect, endWith, filter, ignoreElements, interval, map, merge, takeUntil, tap } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';

/** What a window of an overloaded schedule looked like. */
export interface OverloadReport {
  /** Ticks that could not run in the window (the sum of the results' `missedTicks`). */
  missedTicks: number;
  /** Checks that did run in the window. */
  checks: number;
  /** The largest `scheduleLagMs` of the window. */
  maxLagMs: number;
  /** The window's length, ms. */
  windowMs: number;
}

/**
 * Sums the results' `missedTicks` and `scheduleLagMs` per window of `windowMs` and emits a report for
 * each window in which some tick could not run — nothing while the schedule keeps up. Completes with
 * the results (the window in progress is dropped).
 *
 * ```
 * results:   -a-b(m)--c-|        (m: missedTicks 2, lag 40)
 * windows:   -----|-----|
 * reports:   -----R-----|        (R: { missedTicks: 2, checks: 3, maxLagMs: 40 })
 * ```
 *
 * @param windowMs How long each window is, ms.
 * @param scheduler Where the windows' time comes from.
 * @returns The operator.
 */
export function overloadReports(windowMs: number, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<CheckResult, OverloadReport> {
  return connect((results$) => {
    let missedTicks = 0;
    let checks = 0;
    let maxLagMs = 0;
    const counted$ = results$.pipe(
      tap((result) => {
        checks++;
        missedTicks += result.missedTicks ?? 0;
        maxLagMs = Math.max(maxLagMs, result.scheduleLagMs ?? 0);
      }),
      ignoreElements(),
    );
    const reports$ = interval(windowMs, scheduler).pipe(
      map((): OverloadReport => {
        const report = { missedTicks, checks, maxLagMs, windowMs };
        missedTicks = 0;
        checks = 0;
        maxLagMs = 0;
        return report;
      }),
      filter((report) => report.missedTicks > 0),
      takeUntil(results$.pipe(ignoreElements(), endWith(true))),
    );
    return merge(counted$, reports$);
  });
}
