import type { CheckResult } from '../../src/check/checkResult.js';
import { maskResultSecrets } from '../../src/check/maskResultSecrets.js';
import { createSecretMask } from '../../src/config/secretMask.js';

const result: CheckResult = {
  monitor: 'api',
  method: 'GET',
  url: 'http://h/?token=tok-1234',
  finalUrl: 'http://h/next?token=tok-1234',
  startedAt: '2026-01-01T00:00:00.000Z',
  ok: false,
  bytes: 0,
  durationMs: 1,
  error: { code: 'UNEXPECTED_STATUS', message: 'echoed tok-1234' },
};

describe('maskResultSecrets', () => {
  it('masks the URL, the final URL and the error message', () => {
    const masked = maskResultSecrets(result, createSecretMask(['tok-1234']).mask);
    expect(masked).toEqual({
      ...result,
      url: 'http://h/?token=***',
      finalUrl: 'http://h/next?token=***',
      error: { code: 'UNEXPECTED_STATUS', message: 'echoed ***' },
    });
    expect(result.url).toBe('http://h/?token=tok-1234'); // not mutated
  });

  it('returns the same object when there is nothing to mask', () => {
    expect(maskResultSecrets(result, createSecretMask(['other-secret']).mask)).toBe(result);
  });
});
