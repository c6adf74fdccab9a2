/**
 * The error codes expectations give, each with its one-line meaning. The README's "Expectations"
 * table is built from this constant: keep the wording short and for people.
 *
 * ## Example
 * ```ts
 * import { EXPECTATION_CODES } from './expectationCodes.js';
 *
 * for (const [code, meaning] of Object.entries(EXPECTATION_CODES)) console.log(`| ${code} | ${meaning} |`);
 * ```
 */
export const EXPECTATION_CODES = {
  UNEXPECTED_STATUS: 'The response status is outside `expect.status` (default 200-399).',
  HEADER_MISMATCH: 'A header named in `expect.headers` is absent or its value does not match the regex.',
  BODY_MISMATCH: 'The body does not match `expect.body_matches`, or matches `expect.body_not_matches`.',
  JSON_MISMATCH: 'The body is not JSON, or the value at an `expect.json` dot path is missing or differs.',
  SLOW_RESPONSE: 'The check took longer than `expect.max_response_time`.',
  CERT_EXPIRING: 'The leaf certificate expires sooner than `expect.cert_expires_in_days_min` days.',
  INVALID_EXPECTATION:
    'A regex in `expect` does not compile (only reachable when a spec bypasses the config loader).',
} as const;

/** One of the {@link EXPECTATION_CODES}. */
export type ExpectationCode = keyof typeof EXPECTATION_CODES;
