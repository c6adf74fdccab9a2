import type { RouteHandler } from './routes.js';
import { sendText } from './sendText.js';

/**
 * `GET /healthz`: 200 `ok` while the dispatcher runs, 503 `not running` otherwise (starting up,
 * shutting down). For liveness probes and load balancers. With `notReady`, a running daemon that
 * gives a reason answers 503 with it (a cluster member that does not hold its share of the slots).
 *
 * @param isRunning Asked on every request.
 * @param notReady Asked on every request while running: the reason to answer 503, if any.
 * @returns The route handler.
 */
export function healthzRoute(isRunning: () => boolean, notReady: () => string | undefined = () => undefined): RouteHandler {
  return (_req, res) => {
    if (!isRunning()) {
      sendText(res, 503, 'not running');
      return;
    }
    const reason = notReady();
    if (reason === undefined) sendText(res, 200, 'ok');
    else sendText(res, 503, reason);
  };
}
