import type { CheckResult } from '../../src/check/checkResult.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';

/**
 * A full resolved monitor spec with test defaults (1 s timeout, 5 s interval), for tests that do not
 * go through the config loader.
 *
 * @param overrides Fields to set.
 * @returns The spec.
 */
export function makeSpec(overrides: Partial<ResolvedMonitorSpec> = {}): ResolvedMonitorSpec {
  return {
    name: 'test',
    url: 'http://127.0.0.1:1/',
    method: 'GET',
    timeout: 1_000,
    checkEvery: 5_000,
    headers: {},
    followRedirects: true,
    maxRedirects: 10,
    tls: { insecure: false },
    ipFamily: 'auto',
    maxBodyBytes: 1024 * 1024,
    expect: { status: [[200, 399]] },
    failureThreshold: 3,
    successThreshold: 2,
    ...overrides,
  };
}

/**
 * A check result with test defaults (ok, 200).
 *
 * @param overrides Fields to set.
 * @returns The result.
 */
export function makeResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    monitor: 'test',
    method: 'GET',
    url: 'http://127.0.0.1:1/',
    startedAt: '2026-01-01T00:00:00.000Z',
    ok: true,
    status: 200,
    bytes: 2,
    durationMs: 1,
    ...overrides,
  };
}
