import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Ends a response with a plain-text body (UTF-8), never cached.
 *
 * @param res The response to end.
 * @param status The HTTP status.
 * @param body The text; a newline is added when it lacks one.
 * @param headers Extra headers (`Allow`, …).
 */
export function sendText(res: ServerResponse, status: number, body: string, headers: OutgoingHttpHeaders = {}): void {
  const text = body.endsWith('\n') ? body : `${body}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}
