import type { ServerResponse } from 'node:http';
import type { LiveMonitors } from '../live/liveMonitors.js';
import { type RouteHandler, type Routes, restOfPath } from '../server/routes.js';
import type { Store } from '../storage/store.js';
import { type BadgeColor, formatMs, formatPercent, responseTimeColor, stateColor, uptimeColor } from './badgeColors.js';
import { type Badge, badgeSvg } from './badgeSvg.js';
import { requestUrl, withStore } from './handlerEdges.js';
import { sendJson } from './sendJson.js';
import { UptimeCache, ratioOf } from './uptimeCache.js';
import { WINDOW_PROBLEM, parseWindow } from './windows.js';

/** `Cache-Control` of a badge: a minute, like the uptime figures behind it. */
export const BADGE_CACHE_CONTROL = 'public, max-age=60';

/** What {@link badgeRoutes} serves from. */
export interface BadgeRoutesParams {
  store: Store;
  live: LiveMonitors;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Shared with the API; default a fresh one over `store`. */
  uptime?: UptimeCache;
  /** Told about a read that failed (the client got a 503). */
  onError?: (error: unknown) => void;
}

/** Which badge a path asks for. */
export type BadgeRequest =
  | { kind: 'status'; name: string; format: 'svg' | 'json' }
  | { kind: 'uptime' | 'response-time'; name: string; window: string; format: 'svg' | 'json' };

/**
 * Reads a badge path below `/badge/`. A pure calculation.
 *
 * @param rest The decoded segments after `/badge/`: `['web', 'status.svg']`, `['web', 'uptime', '30d.json']`.
 * @returns The request, or `undefined` when it is not a badge path.
 */
export function parseBadgePath(rest: readonly string[]): BadgeRequest | undefined {
  const file = /^(.+)\.(svg|json)$/.exec(rest.at(-1) ?? '');
  if (!file) return undefined;
  const format = file[2] as 'svg' | 'json';
  if (rest.length === 2 && rest[0] !== '' && (file[1] === 'status' || (file[1] === 'shields' && format === 'json'))) {
    return { kind: 'status', name: rest[0], format };
  }
  if (rest.length === 3 && rest[0] !== '' && (rest[1] === 'uptime' || rest[1] === 'response-time')) {
    return { kind: rest[1], name: rest[0], window: file[1], format };
  }
  return undefined;
}

/**
 * The badges, for READMEs and dashboards (public even when `server.auth` is set):
 * - `GET /badge/<name>/status.svg`: `up` / `down` / `pending`;
 * - `GET /badge/<name>/uptime/<window>.svg`: uptime over `1h`, `24h`, `7d`, `30d`, `90d` or `1y`;
 * - `GET /badge/<name>/response-time/<window>.svg`: the mean response time over the window;
 * - the same paths ending in `.json` (and `/badge/<name>/shields.json` for the status): a
 *   shields.io endpoint badge, `{ schemaVersion: 1, label, message, color }`.
 *
 * `?label=` replaces the label. Badges are cached for a minute (`Cache-Control: public,
 * max-age=60`); errors are not cached. Colours follow shields.io (see {@link uptimeColor}).
 *
 * @param params The store, the live monitors, the clock.
 * @returns The routes (`GET /badge/*`).
 */
export function badgeRoutes({ store, live, now = Date.now, uptime = new UptimeCache({ store, now }), onError }: BadgeRoutesParams): Routes {
  const badge: RouteHandler = async (req, res) => {
    const url = requestUrl(req);
    const rest = restOfPath(url.pathname, '/badge/');
    const wanted = rest && parseBadgePath(rest);
    const format = url.pathname.endsWith('.json') ? 'json' : 'svg';
    if (!wanted) return sendBadgeError(res, 404, format, 'not found', 'expected /badge/<name>/status.svg, …/uptime/<window>.svg or …/response-time/<window>.svg');
    const current = live.get(wanted.name);
    if (!current && !(await store.monitors()).includes(wanted.name)) {
      return sendBadgeError(res, 404, wanted.format, 'not found', `unknown monitor: ${wanted.name}`);
    }
    const label = url.searchParams.get('label');
    let shown: Badge;
    if (wanted.kind === 'status') {
      const state = current?.state ?? 'unknown';
      shown = { label: label ?? wanted.name, message: state, color: stateColor(state) };
    } else {
      const window = parseWindow(wanted.window);
      if (!window) return sendBadgeError(res, 400, wanted.format, 'bad window', `window: ${WINDOW_PROBLEM}`);
      const figure = (await uptime.figures(window)).get(wanted.name);
      if (wanted.kind === 'uptime') {
        const ratio = ratioOf(figure);
        shown = { label: label ?? `uptime ${window}`, message: formatPercent(ratio), color: uptimeColor(ratio) };
      } else {
        const mean = figure && figure.checks > 0 ? figure.latencySumMs / figure.checks : null;
        shown = { label: label ?? `response time ${window}`, message: formatMs(mean), color: responseTimeColor(mean) };
      }
    }
    sendBadge(res, 200, wanted.format, shown, BADGE_CACHE_CONTROL);
  };
  return { 'GET /badge/*': withStore(badge, onError) };
}

/**
 * @param badge What the badge says.
 * @returns The shields.io endpoint JSON of it.
 */
export function shieldsEndpoint({ label, message, color }: Badge): { schemaVersion: 1; label: string; message: string; color: BadgeColor } {
  return { schemaVersion: 1, label, message, color };
}

function sendBadge(res: ServerResponse, status: number, format: 'svg' | 'json', badge: Badge, cacheControl: string, error?: string): void {
  if (format === 'json') {
    sendJson(res, status, { ...shieldsEndpoint(badge), ...(error === undefined ? {} : { isError: true, error }) }, { 'Cache-Control': cacheControl });
    return;
  }
  const svg = badgeSvg(badge);
  res.writeHead(status, {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Content-Length': Buffer.byteLength(svg),
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    // Opened on its own, the SVG runs nothing and loads nothing.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(svg);
}

function sendBadgeError(res: ServerResponse, status: number, format: 'svg' | 'json', message: string, error: string): void {
  sendBadge(res, status, format, { label: 'rxmon', message, color: 'lightgrey' }, 'no-store', error);
}
