import type { CheckResult } from '../../src/check/checkResult.js';
import { fillHeartbeatDefaults } from '../../src/config/fillHeartbeatDefaults.js';
import type { HeartbeatMonitorSpec } from '../../src/heartbeat/heartbeatResult.js';

/** A token long enough for the config's rule. */
export const TOKEN = 'feedc0defeedc0defeedc0de';

/**
 * A resolved heartbeat monitor, durations in virtual-time frames.
 *
 * @param expectEvery Frames between pings.
 * @param grace Frames past that before a miss.
 * @param name The monitor's name.
 * @returns The spec.
 */
export function heartbeatSpec(expectEvery: number, grace: number, name = 'backup'): HeartbeatMonitorSpec {
  return fillHeartbeatDefaults(name, { heartbeat: { expectEvery, grace, token: TOKEN } }) as HeartbeatMonitorSpec;
}

/** ISO `startedAt` of a virtual frame (TestScheduler's clock starts at 0). */
export function frame(ms: number): string {
  return new Date(ms).toISOString();
}

/** What a ping result at a frame looks like (method GET unless said). */
export function okAt(ms: number, durationMs = 0, method = 'GET'): CheckResult {
  return { monitor: 'backup', method, url: '/ping/backup/***', startedAt: frame(ms), ok: true, bytes: 0, durationMs };
}

/** A `/fail` ping's result at a frame. */
export function failedAt(ms: number, durationMs = 0): CheckResult {
  return { ...okAt(ms, durationMs), ok: false, error: { code: 'HEARTBEAT_FAILED', message: 'the job reported a failure (/fail)' } };
}

/** A missed deadline's result at a frame, for a window of `expectEvery + grace` frames. */
export function missedAt(ms: number, expectEvery: number, grace: number): CheckResult {
  return {
    monitor: 'backup',
    method: 'HEARTBEAT',
    url: '/ping/backup/***',
    startedAt: frame(ms),
    ok: false,
    bytes: 0,
    durationMs: 0,
    error: { code: 'HEARTBEAT_MISSED', message: `no ping within ${expectEvery + grace} ms (expect_every ${expectEvery} ms + grace ${grace} ms)` },
  };
}
