import { type Observable, type SchedulerLike, asyncScheduler } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { httpCheck as checkWith } from '../check/httpCheck.js';
import { type MonitorSpec, resolveMonitorSpec } from '../config/resolveMonitorSpec.js';
import { AxiosHttpClient } from '../http/axiosHttpClient.js';
import type { HttpClient } from '../http/httpClient.js';
import type { CheckGate } from '../monitor/checkGate.js';
import { monitorResults } from '../monitor/monitor.js';

/** Options of {@link httpCheck} and {@link monitor}. */
export interface CheckOptions {
  /** The HTTP adapter; one shared axios client by default. Pass a fake in tests. */
  client?: HttpClient;
  /** Where time comes from (timeouts, the schedule); `asyncScheduler` by default. */
  scheduler?: SchedulerLike;
}

/** Options of {@link monitor}: those of {@link httpCheck}, plus where the schedule starts. */
export interface MonitorOptions extends CheckOptions {
  /** Delay of the first check, ms. Default 0: the first check starts at once. */
  offset?: number;
  /** Bounds checks in flight across monitors sharing it (a check waits its turn; see `CheckGate`). */
  gate?: CheckGate;
}

let sharedClient: HttpClient | undefined;

/**
 * One check of a URL: a cold Observable that, on each subscription, sends the request, emits exactly
 * one {@link CheckResult} and completes. A failure is a value (`ok: false` with an `error.code`), never
 * an error notification; unsubscribing aborts the request.
 *
 * ## Example
 * ```ts
 * import { httpCheck } from 'rxmon';
 *
 * httpCheck({ name: 'api', url: 'http://127.0.0.1:8080/health', timeout: '2s' })
 *   .subscribe((result) => console.log(result.ok, result.status, result.durationMs));
 * ```
 *
 * @param spec The monitor spec (camelCase; durations as ms numbers or strings like `'2s'`).
 * @param options A custom HTTP client or scheduler.
 * @returns The cold check.
 * @throws {ConfigError} When the spec is invalid (naming the key).
 */
export function httpCheck(spec: MonitorSpec, options: CheckOptions = {}): Observable<CheckResult> {
  const client = options.client ?? (sharedClient ??= new AxiosHttpClient());
  return checkWith(resolveMonitorSpec(spec), client, options.scheduler ?? asyncScheduler);
}

/**
 * A monitor: checks `spec.url` at a fixed rate (`checkEvery`, start to start; `retryEvery` while
 * failing), the first check at once. Checks never overlap (a tick during a check is dropped). It
 * never completes by itself; unsubscribing stops it and aborts the in-flight request.
 *
 * ```
 * monitor({ …, checkEvery: '5s' }):  r----r----r----r-…
 * ```
 *
 * ## Example
 * ```ts
 * import { monitor } from 'rxmon';
 * import { filter } from 'rxjs';
 *
 * monitor({ name: 'api', url: 'https://api.example.com/health', checkEvery: '10s' })
 *   .pipe(filter((result) => !result.ok))
 *   .subscribe((result) => console.error(`${result.monitor}: ${result.error?.code}`));
 * ```
 *
 * @param spec The monitor spec (camelCase; durations as ms numbers or strings like `'2s'`).
 * @param options A custom HTTP client or scheduler, the first check's `offset`, a shared `gate`.
 * @returns The monitor's results.
 * @throws {ConfigError} When the spec is invalid (naming the key).
 */
export function monitor(spec: MonitorSpec, options: MonitorOptions = {}): Observable<CheckResult> {
  const client = options.client ?? (sharedClient ??= new AxiosHttpClient());
  const scheduler = options.scheduler ?? asyncScheduler;
  return monitorResults(resolveMonitorSpec(spec), {
    check: (resolved) => checkWith(resolved, client, scheduler),
    offset: options.offset ?? 0,
    scheduler,
    gate: options.gate,
  });
}
