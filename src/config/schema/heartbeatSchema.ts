import { z } from 'zod';
import { MAX_DURATION_MS } from '../duration.js';
import { duration } from './durationSchema.js';
import { text, wholeNumber } from './scalars.js';
import { struct, styledKey, type KeyStyle } from './struct.js';
import { accept, reject, valueSchema, wrongType } from './valueSchema.js';

/** Characters a token may use: URL-unreserved, so it sits in a path segment as is. */
const TOKEN = /^[A-Za-z0-9._~-]+$/;

/** The fewest characters of a token: enough that it cannot be guessed. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * The monitor keys that only mean something to a monitor checked over HTTP (camelCase). A
 * heartbeat monitor that sets one of them is a config error; it inherits none of them from
 * `defaults:`.
 */
export const HTTP_ONLY_KEYS = [
  'url',
  'method',
  'timeout',
  'checkEvery',
  'retryEvery',
  'headers',
  'body',
  'auth',
  'followRedirects',
  'maxRedirects',
  'tls',
  'ipFamily',
  'maxBodyBytes',
  'expect',
] as const;

/**
 * A heartbeat token: at least {@link MIN_TOKEN_LENGTH} URL-safe characters. The problem text never
 * echoes the value (it is a secret).
 *
 * @returns The schema.
 */
function token(): z.ZodType<string, unknown> {
  const shape = `expected at least ${MIN_TOKEN_LENGTH} characters of A-Z, a-z, 0-9, ".", "_", "~", "-" (e.g. openssl rand -hex 16)`;
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a string token', input));
    return input.length >= MIN_TOKEN_LENGTH && TOKEN.test(input) ? accept(input) : reject(shape);
  });
}

/**
 * The `heartbeat:` block of a monitor: `expect_every` (required), `grace` (default 1 min) and
 * `token` (required; write it as `${ENV}`). Durations come out in ms, the grace filled.
 *
 * @param style How the input spells the keys.
 * @param unitlessAs What a bare number means in a duration.
 * @returns The schema.
 */
export function heartbeatSchema(style: KeyStyle, unitlessAs: 's' | 'ms') {
  const fields = struct({ expectEvery: duration(unitlessAs), grace: duration(unitlessAs).optional(), token: token() }, style);
  return fields.transform((heartbeat, context) => {
    const grace = heartbeat.grace ?? HEARTBEAT_DEFAULTS.grace;
    if (heartbeat.expectEvery + grace > MAX_DURATION_MS) {
      context.issues.push({ code: 'custom', message: 'expect_every + grace exceeds 24d (the longest a timer can wait)', input: undefined });
      return z.NEVER;
    }
    return { expectEvery: heartbeat.expectEvery, grace, token: heartbeat.token };
  });
}

/** Defaults of a heartbeat monitor (ms). One missed deadline or one `/fail` is down; one good ping is up. */
export const HEARTBEAT_DEFAULTS = { grace: 60_000, failureThreshold: 1, successThreshold: 1 } as const;

/**
 * One heartbeat monitor of the YAML file: `heartbeat:` instead of `url:`, plus the keys every
 * monitor has (`failure_threshold`, `success_threshold`, `group`). An HTTP-only key is refused at
 * the key: `monitors.job.timeout: only for url monitors: a heartbeat monitor is pinged, not checked`.
 *
 * @param options How the input is written.
 * @returns The schema.
 */
export function heartbeatMonitorSchema({ style, unitlessAs }: { style: KeyStyle; unitlessAs: 's' | 'ms' }) {
  const refused = (key: string) =>
    valueSchema(() =>
      reject(key === 'url' ? 'a monitor has either url or heartbeat, not both' : 'only for url monitors: a heartbeat monitor is pinged, not checked'),
    ).optional();
  const httpOnly = Object.fromEntries(HTTP_ONLY_KEYS.map((key) => [key, refused(styledKey(key, style))]));
  return struct(
    {
      ...httpOnly,
      heartbeat: heartbeatSchema(style, unitlessAs),
      failureThreshold: wholeNumber(1).optional(),
      successThreshold: wholeNumber(1).optional(),
      group: text({ nonEmpty: true }).optional(),
    },
    style,
  );
}

/** A heartbeat monitor after checking, before defaults are filled. */
export type CheckedHeartbeatMonitor = z.output<ReturnType<typeof heartbeatMonitorSchema>>;
