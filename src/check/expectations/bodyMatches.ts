import { bodyText } from './bodyText.js';
import { compiledExpectSpec } from './compiledExpectSpec.js';
import { describePattern } from './compiledPattern.js';
import type { Expectation } from './expectation.js';

/**
 * `expect.body_matches` and `expect.body_not_matches`: the body (decoded as UTF-8) matches the first
 * regex and does not match the second. The body is decoded only when one of them is configured.
 *
 * ## Example
 * ```ts
 * bodyMatches({ …, bodyMatches: '"status":\\s*"ok"' }, { response: { body: Buffer.from('{"status":"down"}'), … }, … });
 * // { code: 'BODY_MISMATCH', message: 'body does not match /"status":\s*"ok"/' }
 * ```
 *
 * @param expect The resolved expectations.
 * @param input The response (its body as received, at most `maxBodyBytes`).
 * @returns `BODY_MISMATCH` (`INVALID_EXPECTATION` for a regex that does not compile), or undefined.
 */
export const bodyMatches: Expectation = (expect, input) => {
  if (expect.bodyMatches === undefined && expect.bodyNotMatches === undefined) return undefined;
  const { bodyMatches: must, bodyNotMatches: mustNot } = compiledExpectSpec(expect);
  for (const [key, pattern] of [['body_matches', must], ['body_not_matches', mustNot]] as const) {
    if (pattern !== undefined && pattern.regex === undefined) {
      return { code: 'INVALID_EXPECTATION', message: `${key}: invalid regex ${describePattern(pattern)}: ${pattern.invalid}` };
    }
  }
  const text = bodyText(input.response.body);
  if (must?.regex !== undefined && !must.regex.test(text)) {
    return { code: 'BODY_MISMATCH', message: `body does not match ${describePattern(must)}` };
  }
  if (mustNot?.regex !== undefined && mustNot.regex.test(text)) {
    return { code: 'BODY_MISMATCH', message: `body matches ${describePattern(mustNot)}, which it must not` };
  }
  return undefined;
};
