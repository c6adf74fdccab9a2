/**
 * rxmon as a library: every monitor is an RxJS `Observable<CheckResult>`.
 *
 * ```ts
 * import { monitor, dispatch, health } from 'rxmon';
 * ```
 *
 * @packageDocumentation
 */
export { httpCheck, monitor, type CheckOptions } from './library/checks.js';
export { dispatch } from './dispatcher/dispatch.js';
export { health, availability, latency, type MonitorState, type HealthOptions, type Availability, type Latency, type Thresholds } from './operators/index.js';
export { alertEvents, renderAlertBody, deliverAlerts, createWebhookPoster, type AlertEvent } from './alerts/index.js';
export { loadConfig, parseConfig, resolveMonitorSpec, ConfigError, type MonitorSpec } from './config/index.js';
export type { Config, ResolvedMonitorSpec, ExpectSpec, AlertSpec, Duration, LogLevel } from './config/types.js';
export type { CheckResult, CheckError, PhaseTimings } from './check/checkResult.js';
export type { HttpClient, HttpOutcome, HttpResponseInfo } from './http/httpClient.js';
export { createMetrics, recordMetrics, type RxmonMetrics } from './metrics/index.js';
export { CheckGate } from './monitor/checkGate.js';
