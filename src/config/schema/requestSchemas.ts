import { z } from 'zod';
import type { AuthSpec } from '../types.js';
import { text } from './scalars.js';
import { struct, type KeyStyle } from './struct.js';
import { accept, isPlainMap, reject, valueSchema, wrongType } from './valueSchema.js';

/**
 * `auth:`: `{ username, password }` for Basic, or `{ bearer }` for a bearer token.
 *
 * @param style How the input spells the keys.
 * @returns The schema.
 */
export function authSchema(style: KeyStyle): z.ZodType<AuthSpec, unknown> {
  const fields = struct(
    { username: text().optional(), password: text().optional(), bearer: text().optional() },
    style,
  );
  return fields.transform((auth, context): AuthSpec => {
    const basic = auth.username !== undefined || auth.password !== undefined;
    if (auth.bearer !== undefined && !basic) return { bearer: auth.bearer };
    if (auth.bearer === undefined && auth.username !== undefined && auth.password !== undefined) {
      return { username: auth.username, password: auth.password };
    }
    context.issues.push({
      code: 'custom',
      message: 'expected either username and password, or bearer',
      input: undefined,
    });
    return z.NEVER;
  });
}

/**
 * `body:`: a string sent as is, or a map sent as JSON.
 *
 * @returns The schema.
 */
export function bodySchema(): z.ZodType<string | Record<string, unknown>, unknown> {
  return valueSchema((input) =>
    typeof input === 'string' || isPlainMap(input) ? accept(input) : reject(wrongType('a string or a map (sent as JSON)', input)),
  );
}
