import { HEARTBEAT_DEFAULTS, type CheckedHeartbeatMonitor } from './schema/heartbeatSchema.js';
import { MONITOR_DEFAULTS } from './fillMonitorDefaults.js';
import type { ResolvedMonitorSpec } from './types.js';

/** Where jobs ping: `/ping/<name>/<token>` on the listener (`…/fail`, `…/start`). */
export const PING_PREFIX = '/ping/';

/** The `method` of a heartbeat monitor's spec, and of its missed-deadline results. */
export const HEARTBEAT_METHOD = 'HEARTBEAT';

/**
 * The ping path of a heartbeat monitor as outputs show it: the token masked.
 *
 * ## Example
 * ```ts
 * maskedPingPath('nightly-backup'); // '/ping/nightly-backup/***'
 * ```
 *
 * @param name The monitor's name.
 * @returns `/ping/<name>/***`.
 */
export function maskedPingPath(name: string): string {
  return `${PING_PREFIX}${name}/***`;
}

/**
 * A heartbeat monitor's resolved spec: the `heartbeat` block kept, thresholds 1/1 unless set, and
 * the HTTP keys filled with values that say what the monitor is (`url` its masked ping path,
 * `method` `HEARTBEAT`, `checkEvery` the `expect_every`, `timeout` the grace) or that are inert
 * (no headers, no redirects, no body bytes), so that every code path reading a
 * {@link ResolvedMonitorSpec} handles it without a special case.
 *
 * @param name The monitor's name.
 * @param checked The validated keys (durations in ms, grace filled).
 * @returns The resolved spec.
 */
export function fillHeartbeatDefaults(name: string, checked: CheckedHeartbeatMonitor): ResolvedMonitorSpec {
  const { heartbeat } = checked;
  return {
    name,
    url: maskedPingPath(name),
    method: HEARTBEAT_METHOD,
    timeout: heartbeat.grace,
    checkEvery: heartbeat.expectEvery,
    headers: {},
    followRedirects: false,
    maxRedirects: 0,
    tls: { insecure: false },
    ipFamily: 'auto',
    maxBodyBytes: 0,
    expect: { status: MONITOR_DEFAULTS.status },
    failureThreshold: checked.failureThreshold ?? HEARTBEAT_DEFAULTS.failureThreshold,
    successThreshold: checked.successThreshold ?? HEARTBEAT_DEFAULTS.successThreshold,
    ...(checked.group === undefined ? {} : { group: checked.group.trim() }),
    heartbeat,
  };
}
