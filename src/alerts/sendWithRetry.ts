import { type Observable, type SchedulerLike, asyncScheduler, catchError, defer, map, of, retry, throwError, timeout, timer } from 'rxjs';
import type { PostOutcome } from './webhookPoster.js';

/** How hard {@link sendWithRetry} tries. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Wait before the first retry, ms; doubled before each further one. */
  baseDelayMs: number;
  /** Deadline of each attempt, ms; an attempt that has not answered by then is a `TIMEOUT`. */
  timeoutMs: number;
  /** Where waits and deadlines run. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
}

/** The last outcome, and how many attempts it took. */
export interface SendResult {
  outcome: PostOutcome;
  attempts: number;
}

/** A failed outcome on its way through `retry`. */
class RetryableFailure {
  constructor(readonly outcome: PostOutcome) {}
}

/**
 * Whether a failed POST may succeed if tried again: no answer (timeout, transport failure), a 5xx,
 * 408 or 429. Another 4xx means the request itself is wrong (a bad template, a revoked token), so it
 * is not retried.
 *
 * @param outcome A failed outcome.
 * @returns True when worth retrying.
 */
export function isRetryable(outcome: PostOutcome): boolean {
  const { status } = outcome;
  return status === undefined || status >= 500 || status === 408 || status === 429;
}

/**
 * Sends with a deadline per attempt and exponential backoff between attempts: after a retryable
 * failure it waits `baseDelayMs`, `2 × baseDelayMs`, `4 × baseDelayMs`, … (scheduler time) and tries
 * again, at most `maxRetries` times. Emits one {@link SendResult} — the first success, the first
 * failure not worth retrying, or the last failure — and completes; failures are values, never errors.
 * An attempt that misses the deadline is unsubscribed (the request aborts).
 *
 * ```
 * attempt:  cold('--(f|)')  each time (f: a 503)
 * sendWithRetry(attempt, { maxRetries: 2, baseDelayMs: 3 }):   ---------------(r|)
 *           tries at 0, 5 (= 2 + 3) and 13 (= 7 + 6); r = { outcome: f, attempts: 3 } at 15
 * ```
 *
 * @param attempt Makes one attempt: a cold Observable of one outcome.
 * @param policy Retries, backoff, deadline, scheduler.
 * @returns One result, then complete.
 */
export function sendWithRetry(
  attempt: () => Observable<PostOutcome>,
  { maxRetries, baseDelayMs, timeoutMs, scheduler = asyncScheduler }: RetryPolicy,
): Observable<SendResult> {
  return defer(() => {
    let attempts = 0;
    return defer(() => {
      attempts += 1;
      return attempt();
    }).pipe(
      timeout({
        first: timeoutMs,
        scheduler,
        with: () => of<PostOutcome>({ ok: false, error: { code: 'TIMEOUT', message: `no answer within ${timeoutMs} ms` } }),
      }),
      map((outcome) => {
        if (!outcome.ok && isRetryable(outcome)) throw new RetryableFailure(outcome);
        return outcome;
      }),
      retry({ count: maxRetries, delay: (_error, retryCount) => timer(baseDelayMs * 2 ** (retryCount - 1), scheduler) }),
      catchError((error: unknown) => (error instanceof RetryableFailure ? of(error.outcome) : throwError(() => error))),
      map((outcome) => ({ outcome, attempts })),
    );
  });
}
