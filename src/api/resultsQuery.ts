import { decodeCursor } from '../storage/resultCursor.js';

/** The largest `limit` of `GET /api/v1/monitors/<name>/results`. */
export const MAX_RESULTS_LIMIT = 1_000;
/** Its default `limit`. */
export const DEFAULT_RESULTS_LIMIT = 100;

/** `since`, `until`, `limit` and `cursor` of a results request, checked. */
export interface ResultsParams {
  sinceMs?: number;
  untilMs?: number;
  limit: number;
  cursor?: string;
}

/**
 * Checks the query of `GET /api/v1/monitors/<name>/results`: `since` and `until` as ISO 8601 times
 * or ms since the epoch, `limit` 1 to 1000 (default 100), `cursor` as a previous page's `next`.
 * Other parameters are ignored. A pure calculation.
 *
 * @param query The request's query.
 * @returns The parameters, or the problem naming the parameter (`limit: expected a whole number from 1 to 1000`).
 */
export function parseResultsQuery(query: URLSearchParams): { ok: true; params: ResultsParams } | { ok: false; problem: string } {
  const since = parseTime(query.get('since'));
  if (since === null) return { ok: false, problem: 'since: expected an ISO 8601 time or ms since the epoch' };
  const until = parseTime(query.get('until'));
  if (until === null) return { ok: false, problem: 'until: expected an ISO 8601 time or ms since the epoch' };
  if (since !== undefined && until !== undefined && until < since) return { ok: false, problem: 'until: expected a time after since' };
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_RESULTS_LIMIT : /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_RESULTS_LIMIT)) return { ok: false, problem: `limit: expected a whole number from 1 to ${MAX_RESULTS_LIMIT}` };
  const cursor = query.get('cursor') ?? undefined;
  if (cursor !== undefined && decodeCursor(cursor) === undefined) return { ok: false, problem: 'cursor: expected the next of a previous page' };
  return {
    ok: true,
    params: { limit, ...(since === undefined ? {} : { sinceMs: since }), ...(until === undefined ? {} : { untilMs: until }), ...(cursor === undefined ? {} : { cursor }) },
  };
}

/** @returns ms since the epoch, `undefined` when absent, `null` when it is not a time. */
function parseTime(text: string | null): number | undefined | null {
  if (text === null || text === '') return undefined;
  if (/^\d{1,15}$/.test(text)) return Number(text);
  // Date.parse also takes "March 7" and the like; ask for ISO 8601 (a date, optionally a time).
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
