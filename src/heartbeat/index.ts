/**
 * rxmon's heartbeat room: monitors that jobs ping (`heartbeat:` instead of `url:`), as
 * healthchecks.io and Uptime Kuma's push monitors do.
 *
 * Owns: the ping hub (the Subject-backed registry between the ping route and the running heartbeat
 * monitors, with constant-time token checks), the deadline logic (pings switch-mapped to a timer,
 * on an injected scheduler), the results a ping or a missed deadline makes, and the ping path.
 * May import: `check/` types, `config/` (types, `fillHeartbeatDefaults`), `monitor/monitor` (the
 * `Monitor` interface) and `server/routes` (`restOfPath`). Never the CLI, storage or the sinks:
 * its results go on the same `results$` as every check, and the composition root binds the hub
 * (`di/modules/heartbeatModule.ts`) and spreads `server/pingRoutes.ts` into the listener.
 */
export { type Ping, type PingKind } from './ping.js';
export { HEARTBEAT_FAILED, HEARTBEAT_MISSED, type HeartbeatMonitorSpec, isHeartbeatSpec, missedResult, pingResult } from './heartbeatResult.js';
export { type TimedPing, timedPings } from './timedPings.js';
export { type DeadlineOptions, missedDeadlines } from './missedDeadlines.js';
export { type HeartbeatResultsOptions, heartbeatResults } from './heartbeatResults.js';
export { type PingOutcome, type PingReceiver, PingHub } from './pingHub.js';
export { HeartbeatMonitor, type HeartbeatMonitorOptions } from './heartbeatMonitor.js';
export { type PingPath, parsePingPath } from './parsePingPath.js';
export { REJECTED_PING_REASONS, type RejectedPingReason } from './rejectedPingReason.js';
