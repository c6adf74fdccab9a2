import { z } from 'zod';
import { parseDuration } from '../duration.js';
import { duration } from './durationSchema.js';
import { oneOf, text, wholeNumber } from './scalars.js';
import { type KeyStyle, struct } from './struct.js';
import { accept, optionalSection, reject, valueSchema, wrongType } from './valueSchema.js';

/** The kinds of store `storage.type` names. */
export const STORAGE_TYPES = ['sqlite', 'postgres', 'memory'] as const;

/** The longest retention accepted: 100 years. */
const MAX_RETENTION_MS = 100 * 365 * 86_400_000;

/**
 * A retention period: a duration with a unit (`"2d"`, `"400d"`, `"12h"`), longer than any timer.
 *
 * @param unitlessAs What a bare number means.
 * @returns The schema, in ms.
 */
function retentionPeriod(unitlessAs: 's' | 'ms'): z.ZodType<number, unknown> {
  return valueSchema((input) => {
    const ms = parseDuration(input, unitlessAs);
    if (ms === undefined) return reject('expected a positive duration such as "2d", "36h" or "400d"');
    if (ms > MAX_RETENTION_MS) return reject('expected at most 100 years');
    return accept(ms);
  });
}

/**
 * A PostgreSQL connection URL (`postgres://user:password@host:5432/db`). Never echoed: it holds the
 * password.
 *
 * @returns The schema.
 */
function postgresUrl(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a postgres:// URL', input));
    let url: URL;
    try {
      url = new URL(input.trim());
    } catch {
      return reject('not a valid URL (expected postgres://user:password@host:5432/database)');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      return reject('expected a postgres:// or postgresql:// URL');
    }
    if (url.hostname === '') return reject('not a valid URL: no host');
    return accept(input.trim());
  });
}

/**
 * `storage:`: where history is kept. Cross-key rules: `postgres` needs `url`; `path` is for `sqlite`
 * only and `url` for `postgres` only.
 *
 * @param options How the input is written.
 * @returns The schema.
 */
export function storageSchema({ style, unitlessAs }: { style: KeyStyle; unitlessAs: 's' | 'ms' }) {
  const period = () => retentionPeriod(unitlessAs).optional();
  return struct(
    {
      type: oneOf(STORAGE_TYPES).optional(),
      path: text({ nonEmpty: true }).optional(),
      url: postgresUrl().optional(),
      flushEvery: duration(unitlessAs).optional(),
      bufferSize: wholeNumber(1, 10_000_000).optional(),
      pruneEvery: duration(unitlessAs).optional(),
      retention: optionalSection(
        struct({ results: period(), failures: period(), changes: period(), hourly: period(), daily: period() }, style),
      ),
    },
    style,
  ).transform((storage, context) => {
    const type = storage.type ?? (storage.url !== undefined ? 'postgres' : storage.path !== undefined ? 'sqlite' : 'memory');
    const problem = (key: string, message: string) =>
      context.issues.push({ code: 'custom', message, input: undefined, path: [key], params: { atKey: true } });
    if (type === 'postgres' && storage.url === undefined) {
      context.issues.push({ code: 'custom', message: 'missing required key url (type: postgres needs postgres://user:password@host:5432/database)', input: undefined, path: [] });
    }
    if (type !== 'postgres' && storage.url !== undefined) problem('url', 'only for type: postgres');
    if (type !== 'sqlite' && storage.path !== undefined) problem('path', 'only for type: sqlite');
    return { ...storage, type };
  });
}
