import type { CheckResult } from '../../src/check/checkResult.js';

/** 2024-01-01T00:00:00Z in unix seconds. */
export const STARTED_AT_SECONDS = 1_704_067_200;

/** An ok http check of monitor `api` (200, 120 ms, Content-Length 42), overridable field by field. */
export function checkResult(extra: Partial<CheckResult> = {}): CheckResult {
  return {
    monitor: 'api',
    method: 'GET',
    url: 'http://127.0.0.1:8080/health',
    startedAt: new Date(STARTED_AT_SECONDS * 1000).toISOString(),
    ok: true,
    status: 200,
    bytes: 42,
    contentLength: 42,
    durationMs: 120,
    timings: { dnsMs: 0, connectMs: 10, tlsMs: 0, firstByteMs: 100, transferMs: 10 },
    redirects: 0,
    scheduleLagMs: 3,
    ...extra,
  };
}

/** A failed check: connection refused, no response, no timings. */
export function refusedResult(extra: Partial<CheckResult> = {}): CheckResult {
  const { status: _status, contentLength: _length, timings: _timings, redirects: _redirects, ...rest } = checkResult();
  return {
    ...rest,
    ok: false,
    bytes: 0,
    durationMs: 2,
    error: { code: 'ECONNREFUSED', message: 'connection refused' },
    ...extra,
  };
}

/** An ok https check of monitor `shop` after one redirect; the certificate expires in 30.5 days. */
export function httpsResult(extra: Partial<CheckResult> = {}): CheckResult {
  return checkResult({
    monitor: 'shop',
    url: 'https://shop.example/',
    finalUrl: 'https://shop.example/home',
    redirects: 1,
    durationMs: 250,
    timings: { dnsMs: 5, connectMs: 20, tlsMs: 40, firstByteMs: 150, transferMs: 35 },
    certExpiresInDays: 30.5,
    ...extra,
  });
}

/**
 * The value of one sample in Prometheus text, found by its exact `name{labels}` text, or undefined
 * when the series is absent.
 */
export function sampleValue(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
