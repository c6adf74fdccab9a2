import type { CheckResult } from '../check/checkResult.js';

/**
 * The one-line `msg` of a check's log record.
 *
 * - ok: `GET http://example.com 200 648 B 67 ms`
 * - failed with a response: `GET http://example.com 503 12 B 40 ms: UNEXPECTED_STATUS status 503, expected 200-399`
 * - failed without one: `GET http://example.com failed after 3 ms: ECONNREFUSED connection refused`
 * - ok without one (a heartbeat ping): `POST /ping/backup/*** ok after 840 ms` (the job's duration)
 *
 * @param result The check result.
 * @returns One line for people.
 */
export function checkMessage(result: CheckResult): string {
  const ms = Math.round(result.durationMs);
  const head = `${result.method} ${result.url}`;
  const error = result.error ? `: ${result.error.code} ${result.error.message}` : '';
  if (result.status === undefined) return `${head} ${result.ok ? 'ok' : 'failed'} after ${ms} ms${error}`;
  return `${head} ${result.status} ${result.bytes} B ${ms} ms${error}`;
}
