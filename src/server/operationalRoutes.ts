import type { Registry } from 'prom-client';
import { healthzRoute } from './healthzRoute.js';
import { metricsRoute } from './metricsRoute.js';
import { type ReloadOutcome, reloadRoute } from './reloadRoute.js';
import type { Routes } from './routes.js';

/** What {@link operationalRoutes} serves from. */
export interface OperationalRoutesParams {
  /** Served at `GET /metrics`. */
  registry: Registry;
  /** `GET /healthz` answers 200 while it returns true. */
  isRunning: () => boolean;
  /** Why `GET /healthz` answers 503 although running (a cluster member short of its share); `undefined`: it is fine. */
  notReady?: () => string | undefined;
  /** Called by `POST /-/reload`. Absent: no reload route (the path answers 404). */
  reload?: () => Promise<ReloadOutcome>;
}

/**
 * The operator's routes of the listener: `GET /metrics`, `GET /healthz` and `POST /-/reload`.
 * Spread them into the route table next to others (`GET /`, `GET /events`).
 *
 * ## Example
 * ```ts
 * await startServer({ port, host, routes: operationalRoutes({ registry: metrics.registry, isRunning, reload }) });
 * ```
 *
 * @param params The registry and callbacks.
 * @returns The routes.
 */
export function operationalRoutes({ registry, isRunning, notReady, reload }: OperationalRoutesParams): Routes {
  return {
    'GET /metrics': metricsRoute(registry),
    'GET /healthz': healthzRoute(isRunning, notReady),
    ...(reload ? { 'POST /-/reload': reloadRoute(reload) } : {}),
  };
}
