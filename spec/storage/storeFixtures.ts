import type { CheckResult } from '../../src/check/checkResult.js';
import type { MonitorState } from '../../src/operators/health.js';
import type { HealthSnapshot, StoreBatch } from '../../src/storage/store.js';

/** A fixed hour start (2025-01-01T00:00:00Z), so bucket arithmetic in tests is plain. */
export const T0 = Date.UTC(2025, 0, 1);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/**
 * A result with every optional field present.
 *
 * @param monitor The monitor.
 * @param ms When it started.
 * @param overrides Fields to change.
 * @returns The result.
 */
export function fullResult(monitor: string, ms: number, overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    monitor,
    method: 'GET',
    url: `https://${monitor}.example.com/health`,
    startedAt: new Date(ms).toISOString(),
    ok: true,
    status: 200,
    bytes: 648,
    contentLength: 648,
    durationMs: 67.25,
    timings: { dnsMs: 1.5, connectMs: 10.125, tlsMs: 20, firstByteMs: 30.5, transferMs: 5.125 },
    redirects: 1,
    finalUrl: `https://${monitor}.example.com/health/`,
    certExpiresInDays: 42.123456789,
    scheduleLagMs: 0.75,
    ...overrides,
  };
}

/**
 * A failed result with only the required fields (no response arrived).
 *
 * @param monitor The monitor.
 * @param ms When it started.
 * @returns The result.
 */
export function minimalResult(monitor: string, ms: number): CheckResult {
  return {
    monitor,
    method: 'GET',
    url: `http://${monitor}.example.com/`,
    startedAt: new Date(ms).toISOString(),
    ok: false,
    bytes: 0,
    durationMs: 3,
    error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:80' },
  };
}

/**
 * A batch of just results.
 *
 * @param results The results.
 * @returns The batch.
 */
export function batchOf(results: CheckResult[], changes: MonitorState[] = [], health: HealthSnapshot[] = []): StoreBatch {
  return { results, changes, health };
}

/**
 * A state change caused by a result.
 *
 * @param result The result.
 * @param state The new state.
 * @returns The change.
 */
export function changeOf(result: CheckResult, state: 'up' | 'down', consecutive = 3): MonitorState {
  return { monitor: result.monitor, state, since: result.startedAt, result, consecutive };
}
