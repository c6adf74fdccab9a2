import type { CheckResult } from '../check/checkResult.js';
import { HEARTBEAT_METHOD } from '../config/fillHeartbeatDefaults.js';
import { formatDuration } from '../config/duration.js';
import type { HeartbeatSpec, ResolvedMonitorSpec } from '../config/types.js';
import type { Ping } from './ping.js';

/** A resolved monitor spec that is a heartbeat monitor. */
export type HeartbeatMonitorSpec = ResolvedMonitorSpec & { readonly heartbeat: HeartbeatSpec };

/** `error.code` of a heartbeat result: no ping came within `expect_every + grace`. */
export const HEARTBEAT_MISSED = 'HEARTBEAT_MISSED';
/** `error.code` of a heartbeat result: the job pinged `…/fail`. */
export const HEARTBEAT_FAILED = 'HEARTBEAT_FAILED';

/**
 * Whether a spec is a heartbeat monitor's.
 *
 * @param spec A resolved spec.
 * @returns True when it has a `heartbeat` block.
 */
export function isHeartbeatSpec(spec: ResolvedMonitorSpec): spec is HeartbeatMonitorSpec {
  return spec.heartbeat !== undefined;
}

/**
 * The result of a success or fail ping: `method` the ping's, `url` the masked ping path, no
 * `status`, `durationMs` the job's duration (from its `/start`; 0 without one).
 *
 * @param spec The heartbeat monitor.
 * @param ping The ping (`success` or `fail`).
 * @param atMs When it came, ms since the epoch.
 * @param durationMs The job's duration, or 0.
 * @returns The result.
 */
export function pingResult(spec: HeartbeatMonitorSpec, ping: Ping, atMs: number, durationMs: number): CheckResult {
  const base: CheckResult = { monitor: spec.name, method: ping.method, url: spec.url, startedAt: new Date(atMs).toISOString(), ok: ping.kind !== 'fail', bytes: 0, durationMs };
  if (ping.kind !== 'fail') return base;
  return { ...base, error: { code: HEARTBEAT_FAILED, message: 'the job reported a failure (/fail)' } };
}

/**
 * The result of a missed deadline: `method` `HEARTBEAT`, `url` the masked ping path, no `status`,
 * `durationMs` 0, `error.code` {@link HEARTBEAT_MISSED}.
 *
 * @param spec The heartbeat monitor.
 * @param atMs When the deadline passed, ms since the epoch.
 * @returns The result.
 */
export function missedResult(spec: HeartbeatMonitorSpec, atMs: number): CheckResult {
  const { expectEvery, grace } = spec.heartbeat;
  return {
    monitor: spec.name,
    method: HEARTBEAT_METHOD,
    url: spec.url,
    startedAt: new Date(atMs).toISOString(),
    ok: false,
    bytes: 0,
    durationMs: 0,
    error: { code: HEARTBEAT_MISSED, message: `no ping within ${formatDuration(expectEvery + grace)} (expect_every ${formatDuration(expectEvery)} + grace ${formatDuration(grace)})` },
  };
}
