import type { CheckResult } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';
import { HISTOGRAM_COLUMNS } from './sqlSchema.js';
import type { AdHocWindow, AggregateBucket, HealthSnapshot, UptimeFigure } from './store.js';

/**
 * Conversions between rxmon's values and SQL rows, shared by both adapters. What is stored must
 * read back deep-equal: absent optional fields stay absent, so every optional field is a nullable
 * column and NULL means absent.
 */

/** A row as a driver returns it: PostgreSQL's BIGINT and NUMERIC arrive as strings. */
export type SqlRow = Record<string, unknown>;

/** A monitor's row: the method and URL its results are compared with. */
export interface MonitorRow {
  id: number;
  name: string;
  method: string | null;
  url: string | null;
}

/**
 * Codes a time in ms as whole µs when that is exact, which the HTTP adapter's µs-rounded times
 * always are: SQLite then stores a 3-4 byte integer instead of an 8-byte double. Anything else is
 * kept as is; it is never an integer (an integral ms value is exact in µs), so {@link fromMicros}
 * can tell the two apart.
 *
 * @param ms A time in ms.
 * @returns The stored value.
 */
export function toMicros(ms: number): number {
  const micros = Math.round(ms * 1000);
  return micros / 1000 === ms ? micros : ms;
}

/**
 * Decodes {@link toMicros}.
 *
 * @param stored The stored value.
 * @returns The time in ms.
 */
export function fromMicros(stored: unknown): number {
  const value = Number(stored);
  return Number.isInteger(value) ? value / 1000 : value;
}

/**
 * A time for a `*_ms` column, and the ISO text itself only when `new Date(ms).toISOString()` would
 * not give it back (a `startedAt` written with an offset, say): the common case costs no text.
 *
 * @param iso An ISO 8601 time.
 * @returns The ms and the text to keep (or null).
 */
export function timeColumns(iso: string): { ms: number; text: string | null } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { ms: 0, text: iso };
  return { ms, text: new Date(ms).toISOString() === iso ? null : iso };
}

/**
 * Decodes {@link timeColumns}.
 *
 * @param ms The stored ms.
 * @param text The stored text, or null.
 * @returns The ISO time.
 */
export function isoOf(ms: unknown, text: unknown): string {
  return typeof text === 'string' ? text : new Date(Number(ms)).toISOString();
}

const optional = (value: unknown): number | undefined => (value === null || value === undefined ? undefined : Number(value));

/**
 * A result as the values of `RESULT_COLUMNS` (see `sqlSchema.ts`), in order.
 *
 * @param result The result.
 * @param monitor Its monitor's row.
 * @returns The column values; `ok` is 0 or 1.
 */
export function encodeResult(result: CheckResult, monitor: MonitorRow): unknown[] {
  const time = timeColumns(result.startedAt);
  const timings = result.timings;
  // '' marks "the same as url", the usual case of a check without redirects.
  const finalUrl = result.finalUrl === undefined ? null : result.finalUrl === result.url ? '' : result.finalUrl;
  return [
    monitor.id,
    time.ms,
    result.ok ? 1 : 0,
    result.status ?? null,
    result.bytes,
    result.contentLength ?? null,
    toMicros(result.durationMs),
    timings ? toMicros(timings.dnsMs) : null,
    timings ? toMicros(timings.connectMs) : null,
    timings ? toMicros(timings.tlsMs) : null,
    timings ? toMicros(timings.firstByteMs) : null,
    timings ? toMicros(timings.transferMs) : null,
    result.error?.code ?? null,
    result.error?.message ?? null,
    result.redirects ?? null,
    finalUrl,
    result.certExpiresInDays ?? null,
    result.scheduleLagMs === undefined ? null : toMicros(result.scheduleLagMs),
    result.method === monitor.method ? null : result.method,
    result.url === monitor.url ? null : result.url,
    time.text,
    result.maintenance ? 1 : null,
  ];
}

/**
 * A stored result back as the result that was written. The row carries the monitor's
 * `name`, `m_method` and `m_url` (joined).
 *
 * @param row The row.
 * @returns The result.
 */
export function decodeResult(row: SqlRow): CheckResult {
  const url = (row.url ?? row.m_url) as string;
  const result: CheckResult = {
    monitor: row.name as string,
    method: (row.method ?? row.m_method) as string,
    url,
    startedAt: isoOf(row.started_at_ms, row.started_at),
    ok: row.ok === true || Number(row.ok) === 1,
    bytes: Number(row.bytes),
    durationMs: fromMicros(row.duration),
  };
  const status = optional(row.status);
  if (status !== undefined) result.status = status;
  const contentLength = optional(row.content_length);
  if (contentLength !== undefined) result.contentLength = contentLength;
  if (row.error_code !== null && row.error_code !== undefined) {
    result.error = { code: row.error_code as string, message: (row.error_message ?? '') as string };
  }
  if (row.dns !== null && row.dns !== undefined) {
    result.timings = {
      dnsMs: fromMicros(row.dns),
      connectMs: fromMicros(row.connect),
      tlsMs: fromMicros(row.tls),
      firstByteMs: fromMicros(row.first_byte),
      transferMs: fromMicros(row.transfer),
    };
  }
  const redirects = optional(row.redirects);
  if (redirects !== undefined) result.redirects = redirects;
  if (row.final_url !== null && row.final_url !== undefined) result.finalUrl = row.final_url === '' ? url : (row.final_url as string);
  const certDays = optional(row.cert_days);
  if (certDays !== undefined) result.certExpiresInDays = certDays;
  if (row.lag !== null && row.lag !== undefined) result.scheduleLagMs = fromMicros(row.lag);
  if (row.maintenance === true || Number(row.maintenance) === 1) result.maintenance = true;
  return result;
}

/**
 * A state change as `state_changes` values: monitor_id, state, since_ms, consecutive, result_json, since.
 *
 * @param change The change.
 * @param monitorId Its monitor's id.
 * @returns The column values.
 */
export function encodeChange(change: MonitorState, monitorId: number): unknown[] {
  const time = timeColumns(change.since);
  return [monitorId, change.state, time.ms, change.consecutive, JSON.stringify(change.result), time.text];
}

/**
 * Decodes {@link encodeChange} (the row carries the monitor's `name`).
 *
 * @param row The row.
 * @returns The change.
 */
export function decodeChange(row: SqlRow): MonitorState {
  return {
    monitor: row.name as string,
    state: row.state as 'up' | 'down',
    since: isoOf(row.since_ms, row.since),
    result: JSON.parse(row.result_json as string) as CheckResult,
    consecutive: Number(row.consecutive),
  };
}

/**
 * A health snapshot as `health` values: monitor_id, state, streak_ok, streak, since_ms, last_ms, since, last_at.
 *
 * @param snapshot The snapshot.
 * @param monitorId Its monitor's id.
 * @returns The column values; `streak_ok` is 0 or 1.
 */
export function encodeHealth(snapshot: HealthSnapshot, monitorId: number): unknown[] {
  const since = snapshot.since === undefined ? undefined : timeColumns(snapshot.since);
  const last = timeColumns(snapshot.lastAt);
  const { state, streakOk, streak } = snapshot.track;
  return [monitorId, state, streakOk ? 1 : 0, streak, since?.ms ?? null, last.ms, since?.text ?? null, last.text];
}

/**
 * Decodes {@link encodeHealth} (the row carries the monitor's `name`).
 *
 * @param row The row.
 * @returns The snapshot.
 */
export function decodeHealth(row: SqlRow): HealthSnapshot {
  const snapshot: HealthSnapshot = {
    monitor: row.name as string,
    track: { state: row.state as 'unknown' | 'up' | 'down', streakOk: row.streak_ok === true || Number(row.streak_ok) === 1, streak: Number(row.streak) },
    lastAt: isoOf(row.last_ms, row.last_at),
  };
  if (row.since_ms !== null && row.since_ms !== undefined) snapshot.since = isoOf(row.since_ms, row.since);
  return snapshot;
}

/**
 * An aggregate bucket as the values of `BUCKET_COLUMNS`, in order.
 *
 * @param bucket The partial bucket of a batch.
 * @param monitorId Its monitor's id.
 * @returns The column values.
 */
export function encodeBucket(bucket: AggregateBucket, monitorId: number): unknown[] {
  const { phases } = bucket;
  return [
    monitorId,
    bucket.startMs,
    bucket.checks,
    bucket.ok,
    bucket.latencySumMs,
    bucket.latencyMinMs ?? null,
    bucket.latencyMaxMs ?? null,
    ...bucket.histogram,
    phases.dnsMs,
    phases.connectMs,
    phases.tlsMs,
    phases.firstByteMs,
    phases.transferMs,
    phases.count,
  ];
}

/**
 * A summed figure from a row of `name`, `checks`, `ok`, `latency_sum`, `latency_min`,
 * `latency_max` and `h0`…`h11` (stored or summed).
 *
 * @param row The row.
 * @returns The figure.
 */
export function decodeFigure(row: SqlRow): UptimeFigure {
  const figure: UptimeFigure = {
    monitor: row.name as string,
    checks: Number(row.checks),
    ok: Number(row.ok),
    latencySumMs: Number(row.latency_sum),
    histogram: HISTOGRAM_COLUMNS.map((column) => Number(row[column])),
  };
  const min = optional(row.latency_min);
  const max = optional(row.latency_max);
  if (min !== undefined) figure.latencyMinMs = min;
  if (max !== undefined) figure.latencyMaxMs = max;
  return figure;
}

/**
 * A stored bucket (the row also carries `start_ms` and the phase sums).
 *
 * @param row The row.
 * @returns The bucket.
 */
export function decodeBucket(row: SqlRow): AggregateBucket {
  const figure = decodeFigure(row);
  return {
    monitor: figure.monitor,
    startMs: Number(row.start_ms),
    checks: figure.checks,
    ok: figure.ok,
    latencySumMs: figure.latencySumMs,
    ...(figure.latencyMinMs === undefined ? {} : { latencyMinMs: figure.latencyMinMs }),
    ...(figure.latencyMaxMs === undefined ? {} : { latencyMaxMs: figure.latencyMaxMs }),
    histogram: figure.histogram,
    phases: {
      dnsMs: Number(row.dns_sum),
      connectMs: Number(row.connect_sum),
      tlsMs: Number(row.tls_sum),
      firstByteMs: Number(row.first_byte_sum),
      transferMs: Number(row.transfer_sum),
      count: Number(row.phase_count),
    },
  };
}

/**
 * Sorts like the in-memory store (`<` on names: UTF-16 code units), which SQL collations do not
 * promise.
 *
 * @param a A name.
 * @param b Another.
 * @returns The comparison.
 */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An ad hoc window as `maintenance` values: id, monitor, grp, start_ms, end_ms, reason, created_ms.
 *
 * @param window The window.
 * @returns The column values.
 */
export function encodeAdHocWindow(window: AdHocWindow): unknown[] {
  return [window.id, window.monitor ?? null, window.group ?? null, window.startMs, window.endMs, window.reason ?? null, window.createdMs];
}

/**
 * Decodes {@link encodeAdHocWindow}.
 *
 * @param row The row.
 * @returns The window.
 */
export function decodeAdHocWindow(row: SqlRow): AdHocWindow {
  return {
    id: row.id as string,
    ...(row.monitor === null || row.monitor === undefined ? {} : { monitor: row.monitor as string }),
    ...(row.grp === null || row.grp === undefined ? {} : { group: row.grp as string }),
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    ...(row.reason === null || row.reason === undefined ? {} : { reason: row.reason as string }),
    createdMs: Number(row.created_ms),
  };
}
