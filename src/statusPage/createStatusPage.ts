import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { type Observable, type SchedulerLike, type Subscription, Subject, asyncScheduler, concat, defer, map, merge, of, share, takeUntil, tap } from 'rxjs';
import { maskUrl as maskUrlPassword } from '../http/maskUrl.js';
import type { LiveMonitor, LiveMonitors } from '../live/liveMonitors.js';
import type { Routes } from '../server/routes.js';
import type { Store } from '../storage/store.js';
import { uptimeOver } from '../storage/uptimeOver.js';
import { CHART_RANGES, type ChartRange, binBuckets, binResults } from './chartBins.js';
import { incidentsOf } from './incidents.js';
import { STATUS_CSP } from './pageDocument.js';
import { deltaFrame, deltaFrames, pageDelta } from './pageDeltas.js';
import { refreshSeconds } from './refreshSeconds.js';
import { UPTIME_WINDOWS, renderMonitorPage, renderNotFound } from './renderMonitorPage.js';
import { renderOverview } from './renderOverview.js';
import { sseStream } from './sseResponse.js';
import { UptimeCache } from './uptimeCache.js';

const gzipAsync = promisify(gzip);

/** What {@link createStatusPage} needs. */
export interface StatusPageParams {
  /** Every monitor's current state, kept by the daemon from its own health updates. */
  live: LiveMonitors;
  /** Where the history is: uptime windows, charts, incidents, latest results. */
  store: Store;
  /** Where time comes from (batches, heartbeats, "now"). Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
  /** Hides credentials in the URLs shown. Default: `maskUrl`. */
  maskUrl?: (url: string) => string;
  /** Heartbeat period of `/events`, ms. Default 15 s. */
  heartbeatMs?: number;
  /** How long changes are collected into one `/events` frame, ms. Default 250. */
  batchMs?: number;
  /** An `/events` client is cut off once this many bytes it has not read wait for it. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** How old the 24 h uptime figures of the overview and the deltas may get, ms. Default 10 s. */
  uptimeMaxAgeMs?: number;
  /** Told about a store read that failed in the background (log it). */
  onError?: (error: unknown) => void;
}

/** A running status page. */
export interface StatusPage {
  /**
   * `GET /` (the overview), `GET /events` (Server-Sent Events of deltas), `GET /monitors/<name>`
   * (one per monitor configured at creation) and `GET /monitor?name=<name>` (any monitor, also
   * those a reload added): spread them into the listener's routes.
   */
  readonly routes: Routes;
  /** Each batch of deltas as the SSE frame every client gets (shared; nothing runs unless subscribed). */
  readonly frames$: Observable<string>;
  /** The link to a monitor's page, relative to `/`. */
  linkOf(name: string): string;
  /** Ends every `/events` response and stops following `live`, so shutdown does not wait. */
  stop(): void;
}

/**
 * rxmon's status page, built for 10,000 monitors: the overview and the live feed come from
 * {@link LiveMonitors} (the daemon's own health, no second computation), a monitor's page from the
 * {@link Store} (uptime over 24 h … 1 y, a response-time chart by phase, incidents, latest results).
 *
 * `GET /` is server-rendered HTML (no framework; strict CSP with hashed inline style and script),
 * gzipped when the client accepts it: the summary, the monitors that are down, then groups of
 * compact rows. `GET /events` sends no snapshot but what changed since the page was rendered
 * (`?since=`, or `Last-Event-ID` on a reconnect), then one frame of small deltas `{ i, s, st, l, u, e }`
 * per 250 ms, built once and written to every client. A client that leaves more than
 * `maxBufferedBytes` unread is cut off (it reconnects and catches up from its last frame's id).
 *
 * ## Example
 * ```ts
 * const live = new LiveMonitors(config.monitors);
 * const statusPage = createStatusPage({ live, store });
 * const server = await startServer({ port: 9115, routes: { ...operationalRoutes(ops), ...statusPage.routes } });
 * updates$.subscribe((update) => live.apply(update));
 * // on shutdown: statusPage.stop(); await server.close();
 * ```
 *
 * @param params The live monitors, the store, and options.
 * @returns The status page.
 */
export function createStatusPage({
  live,
  store,
  scheduler = asyncScheduler,
  maskUrl = maskUrlPassword,
  heartbeatMs,
  batchMs,
  maxBufferedBytes,
  uptimeMaxAgeMs,
  onError,
}: StatusPageParams): StatusPage {
  const now = () => scheduler.now();
  const uptime = new UptimeCache(store, { now, maxAgeMs: uptimeMaxAgeMs, ...(onError ? { onError } : {}) });
  const stop$ = new Subject<void>();
  let stopped = false;

  // The page's monitor list: a monitor's index is its `data-i`; a reload renumbers and bumps the version.
  let version = 0;
  let index = new Map<string, number>();
  const renumber = () => {
    index = new Map(live.list().map((monitor, i) => [monitor.name, i]));
    version += 1;
  };
  renumber();
  // When each monitor last changed (server time): what a (re)connecting client missed.
  const changedAt = new Map<string, number>();
  const edges: Subscription[] = [
    live.monitorsChanged$.subscribe(renumber),
    live.changes$.subscribe((monitor) => changedAt.set(monitor.name, now())),
  ];

  // Monitors with a page route of their own; the others' pages are at /monitor?name=.
  const routed = new Set(live.list().map((monitor) => monitor.name).filter((name) => !/^\.*$/.test(name)));
  const linkOf = (name: string) => (routed.has(name) ? `monitors/${encodeURIComponent(name)}` : `monitor?name=${encodeURIComponent(name)}`);

  const frames$ = live.changes$.pipe(
    deltaFrames({ indexOf: (name) => index.get(name), uptimeOf: (name) => uptime.of(name), windowMs: batchMs, scheduler }),
    // Keeps the uptime figures the deltas carry fresh (one store read per `uptimeMaxAgeMs` at most).
    tap(() => void uptime.ready()),
    takeUntil(stop$),
    share(),
  );
  const reload$ = live.monitorsChanged$.pipe(map(() => 'event: reload\ndata: {}\n\n'));

  const catchUp = (sinceMs: number): string[] => {
    const deltas = live
      .list()
      .filter((monitor) => (changedAt.get(monitor.name) ?? Number.NEGATIVE_INFINITY) >= sinceMs)
      .map((monitor) => pageDelta(index.get(monitor.name)!, monitor, uptime.of(monitor.name)));
    return deltas.length > 0 ? [deltaFrame(deltas, now())] : [];
  };

  // The rendered overview, kept for a second: a herd of reloads (a reload, a restart) renders it once.
  let rendered: { atMs: number; version: number; plain: Buffer; gzipped?: Promise<Buffer> } | undefined;
  const overviewBody = async (): Promise<NonNullable<typeof rendered>> => {
    if (rendered && rendered.version === version && now() - rendered.atMs < OVERVIEW_CACHE_MS) return rendered;
    await uptime.ready();
    const monitors = live.list();
    const atMs = now();
    const html = renderOverview({
      monitors,
      uptimeOf: (name) => uptime.of(name),
      linkOf,
      nowMs: atMs,
      version,
      refreshSeconds: Math.max(refreshSeconds(monitors.map((monitor) => monitor.spec.checkEvery)), monitors.length > 1_000 ? 30 : 0),
    });
    rendered = { atMs, version, plain: Buffer.from(html) };
    return rendered;
  };

  const overview = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await overviewBody();
    if (acceptsGzip(req)) {
      body.gzipped ??= gzipBody(body.plain);
      send(req, res, 200, await body.gzipped, 'gzip');
    } else send(req, res, 200, body.plain);
  };

  const events = (req: IncomingMessage, res: ServerResponse) => {
    if (stopped) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '3' }).end('shutting down');
      return;
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const lastId = Number(req.headers['last-event-id']);
    const since = Number.isFinite(lastId) && lastId > 0 ? lastId : Number(query.get('since'));
    const stale = query.has('v') && query.get('v') !== String(version);
    const clientFrames$ = defer(() =>
      stale ? of('event: reload\ndata: {}\n\n') : concat(Number.isFinite(since) && since > 0 ? of(...catchUp(since)) : of<string>(), merge(frames$, reload$)),
    ).pipe(takeUntil(stop$));
    sseStream(res, clientFrames$, { heartbeatMs, maxBufferedBytes, scheduler });
  };

  const monitorPage = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const underMonitors = url.pathname.startsWith('/monitors/');
    const base = underMonitors ? '../' : './';
    const name = underMonitors ? safeDecode(url.pathname.slice('/monitors/'.length)) : (url.searchParams.get('name') ?? '');
    const monitor = live.get(name);
    if (!monitor) {
      await sendHtml(req, res, 404, renderNotFound(name, base));
      return;
    }
    const asked = url.searchParams.get('range') ?? '24h';
    const range: ChartRange = Object.hasOwn(CHART_RANGES, asked) ? (asked as ChartRange) : '24h';
    await sendHtml(req, res, 200, await readMonitorPage(store, monitor, range, now(), { base, self: linkOf(name), url: maskUrl(monitor.spec.url) }));
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>> = {
    'GET /': overview,
    'GET /events': events,
    'GET /monitor': monitorPage,
  };
  for (const name of routed) {
    routes[`GET /monitors/${encodeURIComponent(name)}`] = monitorPage;
    // As typed into the address bar (the URL parser encodes less than encodeURIComponent).
    routes[`GET ${new URL(`/monitors/${name.replace(/[?#%]/g, encodeURIComponent)}`, 'http://localhost').pathname}`] = monitorPage;
  }

  return {
    routes,
    frames$,
    linkOf,
    stop() {
      stopped = true;
      stop$.next();
      stop$.complete();
      for (const edge of edges) edge.unsubscribe();
    },
  };
}

/** Reads what a monitor's page shows from the store (an edge: Promises). */
async function readMonitorPage(store: Store, monitor: LiveMonitor, range: ChartRange, nowMs: number, link: { base: string; self: string; url: string }): Promise<string> {
  const name = monitor.name;
  const untilMs = nowMs + 1;
  const chart = CHART_RANGES[range];
  const sinceMs = nowMs - chart.ms;
  const window = { sinceMs, untilMs, binMs: chart.binMs };
  const [uptimes, bins, changes, latest] = await Promise.all([
    Promise.all(UPTIME_WINDOWS.map((w) => uptimeOver(store, { sinceMs: nowMs - w.ms, untilMs, monitors: [name] }))),
    chart.source === 'results'
      ? store.results({ monitor: name, sinceMs, untilMs, order: 'desc', limit: 20_000 }).then((page) => binResults(page.results, window))
      : store.buckets(name, { sinceMs, untilMs }, 'hour').then((buckets) => binBuckets(buckets, window)),
    store.changes({ monitor: name, sinceMs: nowMs - 90 * 86_400_000 }),
    store.results({ monitor: name, order: 'desc', limit: 50 }),
  ]);
  const uptime: Record<string, number | undefined> = {};
  UPTIME_WINDOWS.forEach((w, i) => {
    const figure = uptimes[i].find((f) => f.monitor === name);
    uptime[w.key] = figure && figure.checks > 0 ? figure.ok / figure.checks : undefined;
  });
  return renderMonitorPage({
    monitor,
    url: link.url,
    uptime,
    range,
    bins,
    incidents: incidentsOf(changes, nowMs).slice(0, 50),
    results: latest.results,
    nowMs,
    base: link.base,
    self: link.self,
  });
}

/** How long a rendered overview is served again, ms. */
const OVERVIEW_CACHE_MS = 1_000;

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** Gzips in the thread pool in one pass (the default 16 KiB chunks would take one event-loop turn each). */
function gzipBody(body: Buffer): Promise<Buffer> {
  return gzipAsync(body, { level: 6, chunkSize: Math.max(64 * 1024, body.length) });
}

/** Sends a page with the status page's headers, gzipped when the client accepts it. */
async function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string): Promise<void> {
  const body = Buffer.from(html);
  if (acceptsGzip(req) && body.length > 1_024) send(req, res, status, await gzipBody(body), 'gzip');
  else send(req, res, status, body);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, encoding?: 'gzip'): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': STATUS_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    Vary: 'Accept-Encoding',
    'Content-Length': body.length,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
