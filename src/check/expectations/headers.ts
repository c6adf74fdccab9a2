import { compiledExpectSpec } from './compiledExpectSpec.js';
import { describePattern, shorten } from './compiledPattern.js';
import type { Expectation } from './expectation.js';

/**
 * `expect.headers`: every named response header is present and its value matches the regex. Names
 * are case-insensitive; an absent header fails. The first failing header (in config order) is
 * reported.
 *
 * ## Example
 * ```ts
 * headers({ …, headers: { 'content-type': 'json' } }, { response: { headers: { 'content-type': 'text/html' }, … }, … });
 * // { code: 'HEADER_MISMATCH', message: 'header content-type is "text/html", expected /json/' }
 * ```
 *
 * @param expect The resolved expectations; `headers` maps names to regex sources.
 * @param input The response (header names lower case, as the adapter gives them).
 * @returns `HEADER_MISMATCH` (`INVALID_EXPECTATION` for a regex that does not compile), or undefined.
 */
export const headers: Expectation = (expect, input) => {
  if (expect.headers === undefined) return undefined;
  for (const { name, pattern } of compiledExpectSpec(expect).headers) {
    if (pattern.regex === undefined) {
      return { code: 'INVALID_EXPECTATION', message: `headers.${name}: invalid regex ${describePattern(pattern)}: ${pattern.invalid}` };
    }
    const value = headerValue(input.response.headers, name);
    if (value === undefined) {
      return { code: 'HEADER_MISMATCH', message: `header ${name} is missing, expected ${describePattern(pattern)}` };
    }
    if (!pattern.regex.test(value)) {
      return {
        code: 'HEADER_MISMATCH',
        message: `header ${name} is ${JSON.stringify(shorten(value, 80))}, expected ${describePattern(pattern)}`,
      };
    }
  }
  return undefined;
};

/**
 * Looks a header up by name, case-insensitively. The adapter lower-cases names, so the direct lookup
 * almost always hits; the scan covers responses built by hand.
 */
function headerValue(all: Readonly<Record<string, string>>, lowerName: string): string | undefined {
  if (Object.hasOwn(all, lowerName)) return all[lowerName];
  const key = Object.keys(all).find((candidate) => candidate.toLowerCase() === lowerName);
  return key === undefined ? undefined : all[key];
}
