/**
 * rxmon as a library: every monitor is an RxJS `Observable<CheckResult>`; health, availability,
 * latency and alerts are operators you pipe it through.
 *
 * ```ts
 * import { monitor, dispatch, health } from 'rxmon';
 * ```
 *
 * @packageDocumentation
 */

// Checks and monitors: cold Observables of CheckResult.
export { httpCheck, monitor, type CheckOptions, type MonitorOptions } from './library/checks.js';
export { dispatch } from './dispatcher/dispatch.js';
export { CheckGate } from './monitor/checkGate.js';

// Operators over check results.
export {
  health,
  availability,
  latency,
  overloadReports,
  type OverloadReport,
  type MonitorState,
  type HealthOptions,
  type Availability,
  type Latency,
  type Thresholds,
} from './operators/index.js';

// Alerts: which to send (an operator) and delivering them (a sink).
export {
  alertEvents,
  renderAlertBody,
  deliverAlerts,
  createWebhookPoster,
  createEmailSender,
  renderAlert,
  alertHealth,
  type AlertEvent,
  type AlertLogger,
  type DeliverAlertsParams,
  type PostWebhook,
  type PostOutcome,
  type WebhookPosterOptions,
  type WebhookRequest,
} from './alerts/index.js';

// Configuration: the YAML file and library specs.
export { loadConfig, parseConfig, resolveMonitorSpec, ConfigError, type MonitorSpec } from './config/index.js';
export type { Config, ResolvedMonitorSpec, ExpectSpec, AlertSpec, AlertType, Duration, LogLevel } from './config/types.js';

// The result contract and the HTTP adapter's (for fake clients in tests).
export type { CheckResult, CheckError, PhaseTimings } from './check/checkResult.js';
export type { HttpClient, HttpOutcome, HttpResponseInfo } from './http/httpClient.js';
export type { WarmUpReport } from './http/warmUp.js';

// Prometheus metrics.
export { createMetrics, recordMetrics, type RxmonMetrics, type MetricsOptions } from './metrics/index.js';

// The status page and its live feed: `results$` piped into Server-Sent Events.
export { createStatusPage, sseResponse, type StatusPage, type StatusPageParams, type SseOptions } from './statusPage/index.js';

// Maintenance windows: the pure evaluation, the scheduler-driven stream and the operators.
export {
  occurrenceAt,
  nextStartAfter,
  maintenanceAt,
  activeWindows$,
  maintenance$,
  maintenanceChanges,
  markMaintenance,
  suppressDuringMaintenance,
  dropDuringMaintenance,
  type ActiveWindow,
  type MaintenanceChange,
  type MaintenanceWindow,
} from './maintenance/index.js';
export type { MaintenanceSpec, OneOffMaintenanceSpec, RecurringMaintenanceSpec } from './config/types.js';
