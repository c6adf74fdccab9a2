import type { IncomingMessage } from 'node:http';
import type { RouteHandler } from '../server/routes.js';
import { sendError } from './sendJson.js';

/**
 * @param req A request.
 * @returns Its URL (the listener already refused one that does not parse).
 */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://localhost');
}

/**
 * A store that rejects becomes a 503 `{ "error": "store unavailable" }` (its message may carry a URL: not
 * shown to the client).
 *
 * @param handler A handler that reads the store.
 * @param onError Told about the failure (log it).
 * @returns The handler, answering 503 when the store fails before the headers went out.
 */
export function withStore(handler: RouteHandler, onError?: (error: unknown) => void): RouteHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.headersSent) throw error;
      onError?.(error);
      sendError(res, 503, 'store unavailable', { 'Retry-After': '10' });
    }
  };
}
