import type { CheckError } from '../checkResult.js';
import type { ExpectSpec } from '../../config/types.js';
import { bodyMatches } from './bodyMatches.js';
import { certExpiry } from './certExpiry.js';
import type { Expectation, ExpectationInput } from './expectation.js';
import { headers } from './headers.js';
import { json } from './json.js';
import { maxResponseTime } from './maxResponseTime.js';
import { status } from './status.js';

export type { Expectation, ExpectationInput } from './expectation.js';
export { EXPECTATION_CODES, type ExpectationCode } from './expectationCodes.js';

/**
 * Every expectation, in the order they are evaluated: status, headers, body, json, response time,
 * certificate expiry. The cheap checks on what every response has come first; the body is decoded
 * only when a body or json expectation is configured.
 */
export const EXPECTATIONS: readonly Expectation[] = Object.freeze([
  status,
  headers,
  bodyMatches,
  json,
  maxResponseTime,
  certExpiry,
]);

/**
 * Evaluates the expectations of one monitor against one response, in the fixed order of
 * {@link EXPECTATIONS}, and returns the first failure. Pure; regexes are compiled once per
 * `ExpectSpec` object and cached.
 *
 * ## Example
 * ```ts
 * const error = evaluateExpectations(spec.expect, { response, durationMs: 812 });
 * // undefined, or e.g. { code: 'SLOW_RESPONSE', message: 'took 812 ms, limit 500 ms' }
 * ```
 *
 * @param expect The monitor's resolved `expect` block.
 * @param input The final response and the measured numbers.
 * @returns The first failed expectation as a {@link CheckError}, or undefined when all hold.
 */
export function evaluateExpectations(expect: ExpectSpec, input: ExpectationInput): CheckError | undefined {
  for (const expectation of EXPECTATIONS) {
    const error = expectation(expect, input);
    if (error !== undefined) return error;
  }
  return undefined;
}
