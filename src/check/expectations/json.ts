import { bodyJson } from './bodyText.js';
import { shorten } from './compiledPattern.js';
import type { Expectation } from './expectation.js';
import { valueAtPath } from './jsonPath.js';
import { sameJsonValue } from './sameJsonValue.js';

/**
 * `expect.json`: the body is JSON and, at each dot path (`checks.db`, `items.0.id`), holds the
 * expected value (deep equality; scalars by value, see {@link sameJsonValue}). The body is parsed
 * only when `json` is configured, once per body. The first failing path (in config order) is
 * reported.
 *
 * ## Example
 * ```ts
 * json({ …, json: { 'checks.db': 'ok' } }, { response: { body: Buffer.from('{"checks":{"db":"degraded"}}'), … }, … });
 * // { code: 'JSON_MISMATCH', message: 'json checks.db is "degraded", expected "ok"' }
 * ```
 *
 * @param expect The resolved expectations; `json` maps dot paths to expected values.
 * @param input The response.
 * @returns `JSON_MISMATCH`, or undefined.
 */
export const json: Expectation = (expect, input) => {
  if (expect.json === undefined) return undefined;
  const paths = Object.entries(expect.json);
  if (paths.length === 0) return undefined;
  const parsed = bodyJson(input.response.body);
  if (!parsed.ok) {
    return { code: 'JSON_MISMATCH', message: `body is not JSON (${shorten(parsed.reason, 80)}), expected json ${paths[0][0]}` };
  }
  for (const [path, expected] of paths) {
    const found = valueAtPath(parsed.value, path);
    if (!found.found) {
      return { code: 'JSON_MISMATCH', message: `json ${path} is missing, expected ${show(expected)}` };
    }
    if (!sameJsonValue(found.value, expected)) {
      return { code: 'JSON_MISMATCH', message: `json ${path} is ${show(found.value)}, expected ${show(expected)}` };
    }
  }
  return undefined;
};

/** A value as JSON, cut to 80 characters. */
function show(value: unknown): string {
  return shorten(JSON.stringify(value) ?? String(value), 80);
}
