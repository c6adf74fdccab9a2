import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Ends a response with a JSON body: `application/json; charset=utf-8`, never cached unless the
 * headers say otherwise.
 *
 * @param res The response to end.
 * @param status The HTTP status.
 * @param body Any JSON-serialisable value.
 * @param headers Extra headers (they win over the defaults).
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Ends a response with `{ "error": message }`.
 *
 * @param res The response to end.
 * @param status 400, 404, …
 * @param error What went wrong; a bad parameter is named first (`limit: expected 1 to 1000`).
 * @param headers Extra headers.
 */
export function sendError(res: ServerResponse, status: number, error: string, headers: OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { error }, headers);
}
