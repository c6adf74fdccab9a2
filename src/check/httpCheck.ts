import { asyncScheduler, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { HttpClient, HttpOutcome } from '../http/httpClient.js';
import { maskUrl } from '../http/maskUrl.js';
import type { CheckError, CheckResult } from './checkResult.js';
import { evaluateExpectations } from './expectations/index.js';

/**
 * After the timeout aborted the request, how long to wait for the client's own account of it
 * (bytes and phases so far) before reporting the timeout without it. A client that honours the
 * signal answers within microtasks; this only bounds a client that does not.
 */
export const ABORT_GRACE_MS = 100;

/**
 * One HTTP check of one monitor as a cold Observable: each subscription sends one request and
 * emits exactly one {@link CheckResult}, then completes. It never errors: failures are results with
 * `ok: false` and an `error.code`.
 *
 * - Unsubscribing before the result aborts the request (its socket is destroyed).
 * - `spec.timeout` (ms, on `scheduler`) aborts the request and ends with `TIMEOUT`, keeping what
 *   the client measured until then (status if headers came, bytes, phases).
 * - A client that throws or rejects gives `INTERNAL`.
 * - A heartbeat monitor's spec sends nothing and gives `INVALID_URL` (it is pinged, not checked).
 * - With a response and no transport error, the expectations decide `ok` (by default status
 *   200–399, else `UNEXPECTED_STATUS`).
 *
 * ```
 * subscribe:  ^
 * response:   ------r|
 * result:     ------(R|)     R = { ok, status, bytes, durationMs, timings, … }
 *
 * no answer:  -----------…
 * result:     ----(T|)       T = { ok: false, error: { code: 'TIMEOUT' } } at spec.timeout
 * ```
 *
 * ## Example
 * ```ts
 * import { exhaustMap, timer } from 'rxjs';
 * const results$ = timer(0, spec.checkEvery).pipe(exhaustMap(() => httpCheck(spec, client)));
 * ```
 *
 * @param spec The monitor.
 * @param client The HTTP adapter.
 * @param scheduler Where the timeout and `startedAt` take their time from. Default `asyncScheduler`.
 * @returns The cold check.
 */
export function httpCheck(
  spec: ResolvedMonitorSpec,
  client: HttpClient,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<CheckResult> {
  // Once per monitor, not per check: the configured URL does not change.
  const url = maskUrl(spec.url);
  return new Observable<CheckResult>((subscriber) => {
    const startMs = scheduler.now();
    const startedAt = new Date(startMs).toISOString();
    // A heartbeat monitor is pinged, not checked: no request, one clear failure.
    if (spec.heartbeat !== undefined) {
      subscriber.next(checkResult(spec, url, startedAt, { code: 'INVALID_URL', message: `a heartbeat monitor has no URL to check: its job pings ${url}` }, 0));
      subscriber.complete();
      return undefined;
    }
    // One Observable with two timer actions, not a chain of operators: this runs for every check.
    const controller = new AbortController();
    let done = false;
    let timedOut = false;
    let grace: Subscription | undefined;
    const finish = (said: ClientAnswer): void => {
      if (done) return;
      done = true;
      deadline.unsubscribe();
      grace?.unsubscribe();
      let result: CheckResult;
      try {
        result = checkResult(spec, url, startedAt, said, scheduler.now() - startMs);
      } catch (error) {
        result = checkResult(spec, url, startedAt, internalError(error), scheduler.now() - startMs);
      }
      subscriber.next(result);
      subscriber.complete();
    };
    // At the timeout: abort, then take the client's own account of it (what it measured until
    // then), or after ABORT_GRACE_MS a bare TIMEOUT.
    const deadline = scheduler.schedule(() => {
      timedOut = true;
      controller.abort();
      grace = scheduler.schedule(() => finish(timeoutError(spec.timeout, false)), ABORT_GRACE_MS);
    }, spec.timeout);
    void askClient(client, spec, controller.signal).then((said) => finish(timedOut ? asTimeout(said, spec.timeout) : said));
    return () => {
      deadline.unsubscribe();
      grace?.unsubscribe();
      // Unsubscribed before the result: the request is aborted (its socket destroyed).
      if (!done) {
        done = true;
        controller.abort();
      }
    };
  });
}

/** What the client said: its outcome, or the `INTERNAL` error it threw or rejected with. */
type ClientAnswer = HttpOutcome | CheckError;

/** Calls the client; a synchronous throw or a rejection becomes an `INTERNAL` error. */
function askClient(client: HttpClient, spec: ResolvedMonitorSpec, signal: AbortSignal): Promise<ClientAnswer> {
  try {
    return client.request(spec, signal).then((outcome): ClientAnswer => outcome, internalError);
  } catch (error) {
    return Promise.resolve(internalError(error));
  }
}

/** The answer that came after the timeout, marked `TIMEOUT` (keeping what was measured). */
function asTimeout(answer: ClientAnswer, timeoutMs: number): ClientAnswer {
  if (isCheckError(answer)) return timeoutError(timeoutMs, false);
  return { ...answer, error: timeoutError(timeoutMs, answer.response !== undefined) };
}

function timeoutError(timeoutMs: number, headersCame: boolean): CheckError {
  return {
    code: 'TIMEOUT',
    message: headersCame ? `response not complete within ${timeoutMs} ms` : `no response within ${timeoutMs} ms`,
  };
}

function isCheckError(answer: ClientAnswer): answer is CheckError {
  return 'code' in answer;
}

/**
 * Maps what the client said into the result contract, evaluating expectations when a response
 * came without a transport error. A bare error (no outcome) gets `elapsedMs` as its duration.
 */
function checkResult(spec: ResolvedMonitorSpec, url: string, startedAt: string, answer: ClientAnswer, elapsedMs: number): CheckResult {
  const result: CheckResult = {
    monitor: spec.name,
    method: spec.method,
    url,
    startedAt,
    ok: false,
    bytes: 0,
    durationMs: elapsedMs,
  };
  if (isCheckError(answer)) {
    result.error = answer;
    return result;
  }
  const { response, durationMs, certExpiresInDays } = answer;
  result.bytes = answer.bytes;
  result.durationMs = durationMs;
  if (response !== undefined) {
    result.status = response.status;
    if (response.contentLength !== undefined) result.contentLength = response.contentLength;
  }
  result.timings = answer.timings;
  result.redirects = answer.redirects;
  result.finalUrl = maskUrl(answer.finalUrl);
  if (certExpiresInDays !== undefined) result.certExpiresInDays = certExpiresInDays;
  let error = answer.error;
  if (error === undefined) {
    error =
      response === undefined
        ? { code: 'INTERNAL', message: 'the HTTP client reported neither a response nor an error' }
        : evaluateExpectations(spec.expect, { response, durationMs, certExpiresInDays });
  }
  if (error === undefined) result.ok = true;
  else result.error = error;
  return result;
}

/** Something thrown, as an `INTERNAL` error with its first line. */
function internalError(error: unknown): CheckError {
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `internal error: ${(text.split('\n', 1)[0] ?? '').slice(0, 200)}` };
}
