import type { RouteHandler } from './routes.js';
import { sendText } from './sendText.js';

/**
 * `GET /healthz`: 200 `ok` while the dispatcher runs, 503 `not running` otherwise (starting up,
 * shutting down). For liveness probes and load balancers.
 *
 * @param isRunning Asked on every request.
 * @returns The route handler.
 */
export function healthzRoute(isRunning: () => boolean): RouteHandler {
  return (_req, res) => {
    if (isRunning()) sendText(res, 200, 'ok');
    else sendText(res, 503, 'not running');
  };
}
