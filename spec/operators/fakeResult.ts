import type { CheckResult } from '../../src/check/checkResult.js';

/**
 * A CheckResult for tests: ok by default; a failed one carries a connection-refused error.
 * `startedAt` defaults to a fixed instant so results compare equal.
 */
export function fakeResult(overrides: Partial<CheckResult> & { ok: boolean }): CheckResult {
  const failed = !overrides.ok;
  return {
    monitor: 'api',
    method: 'GET',
    url: 'http://127.0.0.1:8080/health',
    startedAt: '2024-01-01T00:00:00.000Z',
    bytes: failed ? 0 : 2,
    durationMs: 10,
    ...(failed
      ? { error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8080' } }
      : { status: 200 }),
    ...overrides,
  };
}

/** `startedAt` of the n-th second of a fixed minute, for results that must differ. */
export function at(second: number): string {
  return `2024-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
}
