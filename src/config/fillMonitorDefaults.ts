import { formatDuration } from './duration.js';
import type { CheckedMonitor } from './schema/monitorSchema.js';
import { styledKey, type KeyStyle } from './schema/struct.js';
import type { ExpectSpec, ResolvedMonitorSpec } from './types.js';

/** Defaults of a monitor's keys (durations in ms). */
export const MONITOR_DEFAULTS = {
  method: 'GET',
  checkEvery: 60_000,
  /** The timeout is at most this, and never more than `checkEvery` or `retryEvery`. */
  maxDefaultTimeout: 10_000,
  followRedirects: true,
  maxRedirects: 10,
  ipFamily: 'auto',
  maxBodyBytes: 1_048_576,
  status: [[200, 399]] as ReadonlyArray<readonly [number, number]>,
  failureThreshold: 3,
  successThreshold: 2,
} as const;

/** A timing rule broken by explicit values: the keys involved (timeout first) and what is wrong. */
export interface TimingConflict {
  readonly keys: readonly ['timeout', 'checkEvery' | 'retryEvery'];
  readonly problem: string;
}

/**
 * Fills a checked monitor's defaults and applies the timing rule.
 *
 * Defaults: method GET, `checkEvery` 60 s, `timeout` min(10 s, `checkEvery`, `retryEvery`), follow up
 * to 10 redirects, `ipFamily` auto, 1 MiB body limit, status 200–399, thresholds 3 down / 2 up.
 *
 * **A timeout longer than `checkEvery` (or `retryEvery`) is an error, not a warning**: checks never
 * overlap (the schedule drops a tick that comes during a check), so such a monitor would silently
 * check less often than configured. Set the timeout at most the interval.
 *
 * @param name The monitor's name.
 * @param checked The validated keys (durations in ms).
 * @param style How keys are spelled in the problem text (`check_every` or `checkEvery`).
 * @returns The resolved spec, or the timing conflict.
 */
export function fillMonitorDefaults(
  name: string,
  checked: CheckedMonitor,
  style: KeyStyle,
): { ok: true; spec: ResolvedMonitorSpec } | { ok: false; conflict: TimingConflict } {
  const checkEvery = checked.checkEvery ?? MONITOR_DEFAULTS.checkEvery;
  const { retryEvery } = checked;
  const timeout = checked.timeout ?? Math.min(MONITOR_DEFAULTS.maxDefaultTimeout, checkEvery, retryEvery ?? Infinity);

  for (const [key, interval, what] of [
    ['checkEvery', checkEvery, 'checks'],
    ['retryEvery', retryEvery, 'retries'],
  ] as const) {
    if (interval !== undefined && timeout > interval) {
      const problem =
        `timeout (${formatDuration(timeout)}) exceeds ${styledKey(key, style)} (${formatDuration(interval)}): ` +
        `${what} would overlap and ticks would be dropped`;
      return { ok: false, conflict: { keys: ['timeout', key], problem } };
    }
  }

  const spec: ResolvedMonitorSpec = {
    name,
    url: checked.url,
    method: checked.method ?? MONITOR_DEFAULTS.method,
    timeout,
    checkEvery,
    ...(retryEvery === undefined ? {} : { retryEvery }),
    headers: checked.headers ?? {},
    ...(checked.body === undefined ? {} : { body: checked.body }),
    ...(checked.auth === undefined ? {} : { auth: checked.auth }),
    followRedirects: checked.followRedirects ?? MONITOR_DEFAULTS.followRedirects,
    maxRedirects: checked.maxRedirects ?? MONITOR_DEFAULTS.maxRedirects,
    tls: { insecure: checked.tls?.insecure ?? false, ...(checked.tls?.ca === undefined ? {} : { ca: checked.tls.ca }) },
    ipFamily: checked.ipFamily ?? MONITOR_DEFAULTS.ipFamily,
    maxBodyBytes: checked.maxBodyBytes ?? MONITOR_DEFAULTS.maxBodyBytes,
    expect: fillExpectDefaults(checked.expect),
    failureThreshold: checked.failureThreshold ?? MONITOR_DEFAULTS.failureThreshold,
    successThreshold: checked.successThreshold ?? MONITOR_DEFAULTS.successThreshold,
    ...(checked.group === undefined ? {} : { group: checked.group.trim() }),
    ...(checked.alerts === undefined ? {} : { alerts: checked.alerts.map((name) => name.trim()) }),
  };
  return { ok: true, spec };
}

/**
 * The resolved `expect` block: status defaults to 200–399; absent keys stay absent.
 *
 * @param expect The checked block, if any.
 * @returns The resolved block.
 */
function fillExpectDefaults(expect: CheckedMonitor['expect']): ExpectSpec {
  const resolved: ExpectSpec = { status: expect?.status ?? MONITOR_DEFAULTS.status };
  return Object.assign(
    resolved,
    Object.fromEntries(Object.entries(expect ?? {}).filter(([key, value]) => key !== 'status' && value !== undefined)),
  );
}
