import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PingReceiver } from '../heartbeat/pingHub.js';
import { parsePingPath } from '../heartbeat/parsePingPath.js';
import type { RejectedPingReason } from '../heartbeat/rejectedPingReason.js';
import type { RouteHandler, Routes } from './routes.js';
import { sendText } from './sendText.js';

/** What {@link pingRoutes} serves from. */
export interface PingRoutesParams {
  /** Takes the pings (the ping hub). */
  hub: PingReceiver;
  /** Told about each refused ping (count it). Never given the token. */
  onRejected?: (reason: RejectedPingReason) => void;
}

/**
 * The routes jobs report in on: `GET` or `POST` (and `HEAD`) `/ping/<name>/<token>`,
 * `…/fail` and `…/start`. Answers `200 OK` for an accepted ping, and the listener's own
 * `404 not found` for an unknown name, a wrong token or a malformed path (the three cannot be told
 * apart from outside), counted by reason. A request body is read and ignored. They authenticate by
 * the token: keep them out of `server.auth`'s guard. Nothing is logged.
 *
 * ## Example
 * ```ts
 * routes: { ...guardRoutes({ … }, { auth }), ...pingRoutes({ hub, onRejected: (reason) => counter.inc({ reason }) }) }
 * ```
 *
 * @param params The hub and the counter.
 * @returns `GET /ping/*` and `POST /ping/*`.
 */
export function pingRoutes({ hub, onRejected }: PingRoutesParams): Routes {
  const handler: RouteHandler = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const parsed = parsePingPath(path);
    const outcome = parsed === undefined ? 'bad_path' : hub.receive(parsed.name, parsed.token, { kind: parsed.kind, method: req.method ?? 'GET' });
    if (outcome === 'accepted') {
      sendText(res, 200, 'OK');
      return;
    }
    onRejected?.(outcome);
    sendText(res, 404, 'not found');
  };
  return { 'GET /ping/*': handler, 'POST /ping/*': handler };
}
