import { type Observable, merge, takeUntil } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';

/**
 * Merges monitor streams into one and completes when `stop$` emits; completing unsubscribes every
 * monitor, which stops their schedules and aborts in-flight checks.
 *
 * ```
 * a:        --a----a----a--
 * b:        ---b-----b-----
 * stop$:    -----------s
 * result:   --ab--a--ba|
 * ```
 *
 * @param monitors The monitors' result streams.
 * @param stop$ Ends the merged stream on its first value.
 * @returns One stream of every result.
 */
export function dispatch(monitors: Observable<CheckResult>[], stop$: Observable<unknown>): Observable<CheckResult> {
  return merge(...monitors).pipe(takeUntil(stop$));
}
