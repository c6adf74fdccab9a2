import { type ClientRequest, type IncomingMessage, request } from 'node:http';

/** An open `text/event-stream` response, read with node:http. */
export interface SseClient {
  response: IncomingMessage;
  /** Parsed `data:` payloads so far. */
  events: unknown[];
  /** Comment lines so far (without the leading `:`). */
  comments: string[];
  /** Resolves once `predicate` holds (rejects after `ms`). */
  waitFor(predicate: () => boolean, ms?: number): Promise<void>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  /** Drops the connection, as a closed browser tab does. */
  close(): void;
}

/**
 * Opens a Server-Sent Events stream and parses it as it arrives.
 *
 * @param url The stream's URL.
 * @returns The client, once the response headers arrived.
 */
export function openSse(url: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(url, { headers: { Accept: 'text/event-stream' } }, (response) => {
      const events: unknown[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      let pending = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        pending += chunk;
        const blocks = pending.split('\n\n');
        pending = blocks.pop() ?? '';
        for (const block of blocks) {
          for (const line of block.split('\n')) {
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
            else if (line.startsWith(':')) comments.push(line.slice(1).trim());
          }
        }
        for (const waiter of waiters) waiter();
      });
      const ended = new Promise<void>((done) => response.on('end', () => done()));
      resolve({
        response,
        events,
        comments,
        ended,
        close: () => req.destroy(),
        waitFor(predicate, ms = 5_000) {
          return new Promise<void>((done, fail) => {
            const check = () => {
              if (!predicate()) return;
              waiters.delete(check);
              clearTimeout(timer);
              done();
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out; events so far: ${JSON.stringify(events).slice(0, 2_000)}`));
            }, ms);
            waiters.add(check);
            check();
          });
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
