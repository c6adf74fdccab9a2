import type { RouteHandler } from './routes.js';
import { sendText } from './sendText.js';

/** What a reload came to: `ok`, and a line for the person who asked (the `file:line` error when not). */
export interface ReloadOutcome {
  ok: boolean;
  message: string;
}

/**
 * `POST /-/reload` (Prometheus's path for the same thing): re-reads the config like SIGHUP. Answers
 * 200 with the message when the new config was applied, 400 with the message (such as
 * `rxmon.yml:12: monitors.api.url: invalid URL`) when it was rejected and the old one keeps running.
 * A request body is ignored.
 *
 * @param reload Re-reads and applies the config; resolves with the outcome (a rejection becomes 500).
 * @returns The route handler.
 */
export function reloadRoute(reload: () => Promise<ReloadOutcome>): RouteHandler {
  return async (req, res) => {
    req.resume();
    const { ok, message } = await reload();
    sendText(res, ok ? 200 : 400, message);
  };
}
