import { z } from 'zod';
import { accept, isPlainMap, reject, valueSchema, wrongType } from './valueSchema.js';

/** RFC 9110 token: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A map whose keys must be header names, reported at the offending name's own line.
 *
 * @param value The schema of each value.
 * @returns The map schema.
 */
function headerNameMap<T>(value: z.ZodType<T, unknown>): z.ZodType<Record<string, T>, unknown> {
  const names = valueSchema((input) => (isPlainMap(input) ? accept(input) : reject(wrongType('a map', input))));
  return names.pipe(
    z.record(z.string(), value).superRefine((map, context) => {
      for (const name of Object.keys(map)) {
        if (!HEADER_NAME.test(name)) {
          context.addIssue({ code: 'custom', path: [name], message: 'not a valid header name', params: { atKey: true } });
        }
      }
    }),
  );
}

/**
 * One request header value: a string (numbers and booleans are written out), with no line breaks.
 *
 * @returns The schema.
 */
function headerValue(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') {
      return reject(wrongType('a string', input));
    }
    const text = String(input);
    return /[\r\n\0]/.test(text) ? reject('a header value cannot contain line breaks') : accept(text);
  });
}

/**
 * Request headers (`headers:` of a monitor or an alert): header name → value.
 *
 * @returns The schema.
 */
export function requestHeaders(): z.ZodType<Record<string, string>, unknown> {
  return headerNameMap(headerValue());
}

/**
 * `expect.headers`: header name → regex source its value must match; names stored lower-cased.
 *
 * @param pattern The regex schema.
 * @returns The schema.
 */
export function headerPatterns(pattern: z.ZodType<string, unknown>): z.ZodType<Record<string, string>, unknown> {
  return headerNameMap(pattern).transform((map) =>
    Object.fromEntries(Object.entries(map).map(([name, source]) => [name.toLowerCase(), source])),
  );
}
