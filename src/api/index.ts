/**
 * rxmon's API room: the JSON API under `/api/v1/` (monitors, results, incidents, uptime, ad hoc
 * maintenance windows, the OpenAPI document), the badges under `/badge/`, and `server.auth` (the guard of every route).
 *
 * Owns: route handlers and the pure pieces behind them (query parsing, incident pairing, badge
 * rendering and colours, credential checks), and the per-window uptime cache.
 * May import: `check/` and `operators/` types, `config/types`, `live/`, `maintenance/` types, `server/routes` and
 * `storage/` (the `Store` interface, `uptimeOver`, the cursor format). Never the status page or the
 * CLI; the composition root (`cli/runDaemon.ts`) spreads these routes into the listener.
 */
import type { LiveMonitors } from '../live/liveMonitors.js';
import type { Routes } from '../server/routes.js';
import type { Store } from '../storage/store.js';
import { apiRoutes } from './apiRoutes.js';
import { badgeRoutes } from './badgeRoutes.js';
import { UptimeCache } from './uptimeCache.js';

export { type ApiRoutesParams, LIST_WINDOWS, type MonitorSummary, apiRoutes } from './apiRoutes.js';
export { BADGE_CACHE_CONTROL, type BadgeRequest, type BadgeRoutesParams, badgeRoutes, parseBadgePath, shieldsEndpoint } from './badgeRoutes.js';
export { BADGE_COLORS, type BadgeColor, RESPONSE_TIME_THRESHOLDS_MS, formatMs, formatPercent, responseTimeColor, stateColor, uptimeColor } from './badgeColors.js';
export { type Badge, badgeSvg, escapeXml, textWidth } from './badgeSvg.js';
export { AUTH_REALM, type AuthGuardOptions, authGuard, guardRoutes, hasCredentials, publicPaths } from './authGuard.js';
export { type Incident, incidentsOf } from './incidentsOf.js';
export { DEFAULT_RESULTS_LIMIT, MAX_RESULTS_LIMIT, type ResultsParams, parseResultsQuery } from './resultsQuery.js';
export { UPTIME_CACHE_MS, UptimeCache, type UptimeCacheOptions, ratioOf } from './uptimeCache.js';
export { WINDOWS, WINDOW_PROBLEM, type UptimeWindow, parseWindow } from './windows.js';
export { openApiDocument } from './openApiDocument.js';
export { type AdHocWindowView, type MaintenanceRoutesParams, adHocView, maintenanceRoutes } from './maintenanceRoutes.js';
export { type KnownNames, MAX_AD_HOC_MS, type MaintenanceRequest, parseMaintenanceRequest, parseTarget } from './maintenanceRequest.js';
export { sendError, sendJson } from './sendJson.js';

/** What {@link apiAndBadgeRoutes} serves from. */
export interface ApiAndBadgeRoutesParams {
  store: Store;
  live: LiveMonitors;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Told about a store read that failed (the client got a 503). Log it. */
  onError?: (error: unknown) => void;
}

/**
 * The API and the badges together, sharing one uptime cache. Spread into the listener's routes.
 *
 * ## Example
 * ```ts
 * routes: guardRoutes({ ...operationalRoutes(…), ...apiAndBadgeRoutes({ store, live }) }, { auth: config.server.auth, publicPage: config.statusPage.public }),
 * ```
 *
 * @param params The store, the live monitors, the clock, the error reporter.
 * @returns `GET /api/v1/…` and `GET /badge/*`.
 */
export function apiAndBadgeRoutes({ store, live, now = Date.now, onError }: ApiAndBadgeRoutesParams): Routes {
  const uptime = new UptimeCache({ store, now });
  return { ...apiRoutes({ store, live, now, uptime, onError }), ...badgeRoutes({ store, live, now, uptime, onError }) };
}
