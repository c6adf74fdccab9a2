/** rxmon's HTTP listener and its built-in routes (`/metrics`, `/healthz`, `/-/reload`). */
export { type RunningServer, type ServerOptions, startServer } from './startServer.js';
export { ServerStartError } from './serverStartError.js';
export type { RouteHandler, Routes } from './routes.js';
export { type OperationalRoutesParams, operationalRoutes } from './operationalRoutes.js';
export { metricsRoute } from './metricsRoute.js';
export { healthzRoute } from './healthzRoute.js';
export { type ReloadOutcome, reloadRoute } from './reloadRoute.js';
export { sendText } from './sendText.js';
