import type { Observable, Subscription } from 'rxjs';
import type { OverloadReport } from '../operators/overloadReports.js';
import type { Logger } from './logger.js';

/**
 * The one-line message of an overloaded window.
 *
 * `schedule overloaded: 1,234 ticks missed in the last 10 s (2,100 checks ran, lag up to 850 ms); add workers or max_concurrent_checks, or check less often`
 *
 * @param report The window.
 * @returns One line for people.
 */
export function overloadMessage({ missedTicks, checks, maxLagMs, windowMs }: OverloadReport): string {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  return `schedule overloaded: ${n(missedTicks)} ticks missed in the last ${n(windowMs / 1000)} s (${n(checks)} checks ran, lag up to ${n(maxLagMs)} ms); add workers or max_concurrent_checks, or check less often`;
}

/**
 * A sink: logs each overloaded window (from `overloadReports`) at warn level.
 *
 * @param params The reports and the logger.
 * @returns The subscription.
 */
export function logOverload({ reports$, logger }: { reports$: Observable<OverloadReport>; logger: Logger }): Subscription {
  return reports$.subscribe((report) => logger.warn({ overload: report }, overloadMessage(report)));
}
