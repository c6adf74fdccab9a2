import type { ServerResponse } from 'node:http';
import type { CheckResult } from '../check/checkResult.js';
import type { LiveMonitor, LiveMonitors } from '../live/liveMonitors.js';
import type { WindowView } from '../maintenance/maintenanceWindow.js';
import { type RouteHandler, type Routes, restOfPath } from '../server/routes.js';
import type { Store, UptimeFigure } from '../storage/store.js';
import { uptimeOver } from '../storage/uptimeOver.js';
import { incidentsOf } from './incidentsOf.js';
import { openApiDocument } from './openApiDocument.js';
import { parseResultsQuery } from './resultsQuery.js';
import { requestUrl, withStore } from './handlerEdges.js';
import { sendError, sendJson } from './sendJson.js';
import { UptimeCache, ratioOf } from './uptimeCache.js';
import { WINDOWS, WINDOW_PROBLEM, parseWindow } from './windows.js';

/** What {@link apiRoutes} serves from. */
export interface ApiRoutesParams {
  /** Where results, changes and aggregates are read. */
  store: Store;
  /** Every configured monitor's state now. */
  live: LiveMonitors;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Shared with the badges; default a fresh one over `store`. */
  uptime?: UptimeCache;
  /** Told about a read that failed (the client got a 503). Log it. */
  onError?: (error: unknown) => void;
}

/** The windows `GET /api/v1/monitors` gives for every monitor. */
export const LIST_WINDOWS = ['24h', '7d', '30d'] as const;

/** The prefix of the per-monitor routes. */
const MONITOR_PREFIX = '/api/v1/monitors/';

/** One monitor in `GET /api/v1/monitors`. */
export interface MonitorSummary {
  name: string;
  group: string | null;
  /** `maintenance` while in a maintenance window (see `maintenance`). */
  state: 'up' | 'down' | 'pending' | 'maintenance';
  since: string | null;
  /** The maintenance window it is in now, or null. */
  maintenance: WindowView | null;
  last: CheckResult | null;
  /** In a cluster: the instance that checks the monitor now. */
  instance?: string;
  uptime: Record<(typeof LIST_WINDOWS)[number], number | null>;
}

/**
 * The JSON API under `/api/v1/` (answers are JSON, `Cache-Control: no-store`):
 * - `GET /api/v1/monitors`: every configured monitor, its state, latest result and uptime over 24 h, 7 d, 30 d;
 * - `GET /api/v1/monitors/<name>`: one of those;
 * - `GET /api/v1/monitors/<name>/results?since=&until=&limit=&cursor=`: stored results, newest first, by pages;
 * - `GET /api/v1/monitors/<name>/incidents`: outages, newest first;
 * - `GET /api/v1/monitors/<name>/uptime?window=30d`: one window's ratio and counts;
 * - `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of all this.
 *
 * An unknown monitor (not configured and nothing stored) is a 404, a bad parameter a 400 naming it,
 * a store that does not answer a 503; each with `{ "error": "…" }`.
 *
 * ## Example
 * ```ts
 * await startServer({ port, routes: { ...operationalRoutes(…), ...apiRoutes({ store, live }) } });
 * ```
 *
 * @param params The store, the live monitors, the clock.
 * @returns The routes.
 */
export function apiRoutes({ store, live, now = Date.now, uptime = new UptimeCache({ store, now }), onError }: ApiRoutesParams): Routes {
  const list: RouteHandler = async (_req, res) => {
    const monitors = live.list();
    const figures = await uptime.many(LIST_WINDOWS).catch(() => undefined);
    sendJson(res, 200, { monitors: monitors.map((monitor) => summaryOf(monitor, figures)) });
  };

  const monitor: RouteHandler = async (req, res) => {
    const url = requestUrl(req);
    const rest = restOfPath(url.pathname, MONITOR_PREFIX);
    if (!rest || rest.length > 2 || rest[0] === '' || (rest.length === 2 && !Object.hasOwn(PER_MONITOR, rest[1]))) {
      sendError(res, 404, 'not found: expected /api/v1/monitors/<name>, …/results, …/incidents or …/uptime');
      return;
    }
    const [name, what] = rest;
    const current = live.get(name);
    if (!current && !(await store.monitors()).includes(name)) {
      sendError(res, 404, `unknown monitor: ${name}`);
      return;
    }
    if (what === undefined) {
      if (!current) sendError(res, 404, `monitor ${name} is no longer configured: its results, incidents and uptime are still served`);
      else sendJson(res, 200, summaryOf(current, await uptime.many(LIST_WINDOWS).catch(() => undefined)));
      return;
    }
    await PER_MONITOR[what as keyof typeof PER_MONITOR]({ store, name, query: url.searchParams, res, now });
  };

  return {
    'GET /api/v1/monitors': withStore(list, onError),
    'GET /api/v1/monitors/*': withStore(monitor, onError),
    'GET /api/v1/openapi.json': (_req, res) => sendJson(res, 200, openApiDocument, { 'Cache-Control': 'public, max-age=3600' }),
  };
}

interface PerMonitor {
  store: Store;
  name: string;
  query: URLSearchParams;
  res: ServerResponse;
  now: () => number;
}

const PER_MONITOR = {
  async results({ store, name, query, res }: PerMonitor): Promise<void> {
    const parsed = parseResultsQuery(query);
    if (!parsed.ok) return sendError(res, 400, parsed.problem);
    const page = await store.results({ monitor: name, order: 'desc', ...parsed.params });
    sendJson(res, 200, { results: page.results, ...(page.next === undefined ? {} : { next: page.next }) });
  },
  async incidents({ store, name, res }: PerMonitor): Promise<void> {
    sendJson(res, 200, { incidents: incidentsOf(await store.changes({ monitor: name })) });
  },
  async uptime({ store, name, query, res, now }: PerMonitor): Promise<void> {
    const text = query.get('window') ?? '24h';
    const window = parseWindow(text);
    if (!window) return sendError(res, 400, `window: ${WINDOW_PROBLEM}`);
    const untilMs = now();
    const [figure] = await uptimeOver(store, { sinceMs: untilMs - WINDOWS[window], untilMs, monitors: [name] });
    sendJson(res, 200, { window, ratio: ratioOf(figure), checks: figure?.checks ?? 0, ok: figure?.ok ?? 0 });
  },
} as const;

function summaryOf(monitor: LiveMonitor, figures: Record<string, ReadonlyMap<string, UptimeFigure>> | undefined): MonitorSummary {
  return {
    name: monitor.name,
    group: monitor.group ?? null,
    state: monitor.state,
    since: monitor.since ?? null,
    maintenance: monitor.maintenance ?? null,
    last: monitor.last ?? null,
    ...(monitor.instance === undefined ? {} : { instance: monitor.instance }),
    uptime: {
      '24h': figures ? ratioOf(figures['24h'].get(monitor.name)) : null,
      '7d': figures ? ratioOf(figures['7d'].get(monitor.name)) : null,
      '30d': figures ? ratioOf(figures['30d'].get(monitor.name)) : null,
    },
  };
}
