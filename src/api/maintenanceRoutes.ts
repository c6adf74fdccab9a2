import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LiveMonitors } from '../live/liveMonitors.js';
import type { WindowView } from '../maintenance/maintenanceWindow.js';
import type { RouteHandler, Routes } from '../server/routes.js';
import type { AdHocWindow, Store } from '../storage/store.js';
import { requestUrl, withStore } from './handlerEdges.js';
import { type KnownNames, parseMaintenanceRequest, parseTarget } from './maintenanceRequest.js';
import { sendError, sendJson } from './sendJson.js';

/** The largest request body read, bytes. */
const MAX_BODY_BYTES = 16_384;

/** What {@link maintenanceRoutes} serves from. */
export interface MaintenanceRoutesParams {
  /** Where ad hoc windows are kept (every instance reads them). */
  store: Store;
  /** The monitors configured now (names, groups) and the window each is in. */
  live: LiveMonitors;
  /** Told after a window was written or stopped: re-read them now (this instance sees it at once). */
  changed?: () => void;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Told about a store call that failed (the client got a 503). */
  onError?: (error: unknown) => void;
}

/** An ad hoc window as the API and the CLI show it: times in ISO. */
export interface AdHocWindowView {
  id: string;
  monitor?: string;
  group?: string;
  start: string;
  end: string;
  reason?: string;
}

/**
 * An ad hoc window as the API and the CLI print it: times as ISO, absent fields absent.
 *
 * @param window A stored ad hoc window.
 * @returns Its JSON face.
 */
export function adHocView(window: AdHocWindow): AdHocWindowView {
  return {
    id: window.id,
    ...(window.monitor === undefined ? {} : { monitor: window.monitor }),
    ...(window.group === undefined ? {} : { group: window.group }),
    start: new Date(window.startMs).toISOString(),
    end: new Date(window.endMs).toISOString(),
    ...(window.reason === undefined ? {} : { reason: window.reason }),
  };
}

/** Reads a small JSON body, or says why not (not JSON, larger than {@link MAX_BODY_BYTES}). */
async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, problem: `body: larger than ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, problem: 'body: not valid JSON' };
  }
}

function knownNames(live: LiveMonitors): KnownNames {
  const monitors = live.list();
  return { monitors: monitors.map((monitor) => monitor.name), groups: [...new Set(monitors.flatMap((monitor) => (monitor.group === undefined ? [] : [monitor.group])))] };
}

/**
 * Maintenance through the API, for deploy scripts (behind `server.auth` like all of `/api/`):
 * - `GET /api/v1/maintenance`: the windows on now, each with the monitors it covers, and the ad hoc
 *   windows not over yet (`{ active, adHoc }`);
 * - `POST /api/v1/maintenance` with `{ "monitor" | "group", "for": "30m", "reason"? }`: opens an ad
 *   hoc window from now, kept in the store (`201 { window }`); every instance polling the store
 *   sees it, this one at once;
 * - `DELETE /api/v1/maintenance?monitor=<name>` (or `?group=`): ends that monitor's or group's ad
 *   hoc windows now (`{ stopped }`).
 * A bad body or query is a 400 naming the field, an unknown monitor or group a 404, a store that
 * fails a 503.
 *
 * ## Example
 * ```ts
 * routes: guardRoutes({ ...apiAndBadgeRoutes({ store, live }), ...maintenanceRoutes({ store, live, changed: maintenance.refresh }) }, guard),
 * ```
 *
 * @param params The store, the live monitors, the change hook, the clock.
 * @returns The routes.
 */
export function maintenanceRoutes({ store, live, changed, now = Date.now, onError }: MaintenanceRoutesParams): Routes {
  const list: RouteHandler = async (_req, res) => {
    const active = new Map<string, WindowView & { monitors: string[] }>();
    for (const monitor of live.list()) {
      const window = monitor.maintenance;
      if (!window) continue;
      const key = `${window.source}\u0000${window.id ?? window.name}\u0000${window.start}`;
      let entry = active.get(key);
      if (!entry) active.set(key, (entry = { ...window, monitors: [] }));
      entry.monitors.push(monitor.name);
    }
    const adHoc = (await store.maintenance(now())).map(adHocView);
    sendJson(res, 200, { active: [...active.values()], adHoc });
  };

  const start: RouteHandler = async (req, res) => {
    const body = await readJson(req);
    if (!body.ok) return sendError(res, 400, body.problem);
    const parsed = parseMaintenanceRequest(body.value, knownNames(live));
    if (!parsed.ok) return sendError(res, parsed.status, parsed.problem);
    const { target, forMs, reason } = parsed.request;
    const startMs = now();
    const window: AdHocWindow = { id: randomUUID(), ...target, startMs, endMs: startMs + forMs, ...(reason === undefined ? {} : { reason }), createdMs: startMs };
    await store.addMaintenance(window);
    changed?.();
    sendJson(res, 201, { window: adHocView(window) });
  };

  const stop: RouteHandler = async (req, res) => {
    const query = requestUrl(req).searchParams;
    const target = parseTarget(query.get('monitor') ?? undefined, query.get('group') ?? undefined, knownNames(live));
    if (!target.ok) return sendError(res, target.status, target.problem);
    const stopped = await store.stopMaintenance(target.target, now());
    changed?.();
    sendJson(res, 200, { stopped });
  };

  return {
    'GET /api/v1/maintenance': withStore(list, onError),
    'POST /api/v1/maintenance': withStore(start, onError),
    'DELETE /api/v1/maintenance': withStore(stop, onError),
  };
}
