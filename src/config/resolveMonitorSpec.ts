import { configErrorOf } from './configError.js';
import { deepFreeze } from './deepFreeze.js';
import { fillMonitorDefaults } from './fillMonitorDefaults.js';
import { describeIssue, keyProblems } from './schema/describeIssue.js';
import { librarySpecSchema } from './schema/monitorSchema.js';
import type { Duration, IpFamily, ResolvedMonitorSpec } from './types.js';

/**
 * One monitor as library users write it: camelCase keys, durations as milliseconds (`5000`) or
 * strings (`'5s'`, `'500ms'`, `'1m'`). Only `name` and `url` are required; see
 * {@link resolveMonitorSpec} for the defaults. The YAML file says the same in snake_case, with bare
 * numbers in seconds.
 */
export interface MonitorSpec {
  /** Letters, digits, `_`, `.`, `-` (it becomes a log field and a metric label). */
  name: string;
  /** An http or https URL. */
  url: string;
  /** GET (default), HEAD, POST, PUT, PATCH, DELETE or OPTIONS, any case. */
  method?: string;
  /** Per-check timeout. Default: min(10 s, `checkEvery`, `retryEvery`); never more than either. */
  timeout?: Duration;
  /** Fixed rate, start to start. Default 60 s. */
  checkEvery?: Duration;
  /** While the monitor is failing, check at this rate instead. */
  retryEvery?: Duration;
  /** Request headers. */
  headers?: Record<string, string>;
  /** A string sent as is, or an object sent as JSON. */
  body?: string | Record<string, unknown>;
  /** Basic (`{ username, password }`) or bearer (`{ bearer }`) credentials. */
  auth?: { username: string; password: string } | { bearer: string };
  /** Default true. */
  followRedirects?: boolean;
  /** Default 10. */
  maxRedirects?: number;
  /** `insecure` (default false) accepts any certificate; `ca` is a PEM file (relative to the cwd). */
  tls?: { insecure?: boolean; ca?: string };
  /** Default `auto`. */
  ipFamily?: IpFamily;
  /** Bytes, or a size such as `'1MiB'`. Default 1 MiB. */
  maxBodyBytes?: number | string;
  /** What makes a check ok. Default: status 200–399. */
  expect?: {
    /** Codes and ranges: `[200, '300-399']`. */
    status?: Array<number | string>;
    /** Regex the body must match. */
    bodyMatches?: string;
    /** Regex the body must not match. */
    bodyNotMatches?: string;
    /** Dot path → expected value: `{ 'checks.db': 'ok' }`. */
    json?: Record<string, unknown>;
    /** Header name → regex its value must match. */
    headers?: Record<string, string>;
    /** The longest acceptable response time. */
    maxResponseTime?: Duration;
    /** For https: the fewest days the certificate may have left. */
    certExpiresInDaysMin?: number;
  };
  /** Consecutive failures before `down`. Default 3. */
  failureThreshold?: number;
  /** Consecutive successes before `up`. Default 2. */
  successThreshold?: number;
}

/**
 * Validates a library {@link MonitorSpec} and fills its defaults: the same rules as a YAML monitor
 * (one schema serves both), keys in camelCase and bare-number durations in milliseconds.
 *
 * Defaults: method GET, `checkEvery` 60 s, `timeout` min(10 s, `checkEvery`, `retryEvery`), follow
 * up to 10 redirects, `ipFamily` auto, `maxBodyBytes` 1 MiB, status 200–399, thresholds 3/2. A
 * timeout longer than `checkEvery` or `retryEvery` is an error: checks never overlap, so ticks would
 * be dropped. A relative `tls.ca` is resolved against the working directory and must be readable.
 *
 * ## Example
 * ```ts
 * import { resolveMonitorSpec } from 'rxmon';
 *
 * const spec = resolveMonitorSpec({ name: 'api', url: 'https://api.example/health', checkEvery: '30s' });
 * // spec.timeout === 10000, spec.method === 'GET', spec.expect.status → [[200, 399]]
 * ```
 *
 * @param spec The spec as written (unknown keys are refused, with a suggestion).
 * @returns The resolved spec, deep-frozen, durations in ms.
 * @throws {ConfigError} Without file or line, the key in camelCase: `checkEvery: expected a positive
 *   duration such as 5000, "500ms", "2s" or "1m"`.
 */
export function resolveMonitorSpec(spec: MonitorSpec): ResolvedMonitorSpec {
  const schema = librarySpecSchema({ style: 'camelCase', unitlessAs: 'ms', baseDir: process.cwd() });
  const checked = schema.safeParse(spec, { error: describeIssue });
  if (!checked.success) throw configErrorOf(keyProblems(checked.error)[0]);
  const { name, ...monitor } = checked.data;
  const resolved = fillMonitorDefaults(name, monitor, 'camelCase');
  if (!resolved.ok) throw configErrorOf({ path: [resolved.conflict.keys[0]], problem: resolved.conflict.problem });
  return deepFreeze(resolved.spec);
}
