import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Routes, findRoute } from './routes.js';
import { sendText } from './sendText.js';
import { ServerStartError, hostPort } from './serverStartError.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** The address to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** The port; 0 picks a free one (tests). */
  port: number;
  /** `'METHOD /path'` → handler. */
  routes: Routes;
  /**
   * Told about a handler that threw or rejected (with its request; the client got a 500), or about
   * an error of the listening server itself (without one). Log it.
   */
  onError?: (error: unknown, req?: IncomingMessage) => void;
}

/** A listening server. */
export interface RunningServer {
  /** The bound host, as given. */
  readonly host: string;
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  /** Its base URL, such as `http://127.0.0.1:9115/`. */
  readonly url: string;
  /**
   * Stops listening and destroys every open connection (keep-alive sockets, `GET /events`
   * streams), so shutdown does not wait for clients. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Starts rxmon's HTTP listener: plain node:http, a fixed route table, 404 for an unknown path, 405
 * (with `Allow`) for a known path asked with another method, 500 when a handler fails. An adapter:
 * the only place with sockets on the serving side.
 *
 * ## Example
 * ```ts
 * const server = await startServer({
 *   port: 9115,
 *   routes: { ...operationalRoutes({ metrics, isRunning, reload }), 'GET /': statusPage },
 * });
 * // later
 * await server.close();
 * ```
 *
 * @param options Host, port, routes, error reporter.
 * @returns The running server, once it listens.
 * @throws {ServerStartError} (as a rejection) when it cannot listen: `cannot listen on 127.0.0.1:9115: address in use`.
 */
export function startServer({ host = '127.0.0.1', port, routes, onError }: ServerOptions): Promise<RunningServer> {
  const server = createServer((req, res) => handleRequest(routes, req, res, onError));
  return new Promise<RunningServer>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      reject(new ServerStartError(host, port, error.code ?? 'UNKNOWN', error));
    };
    const listening = () => {
      server.off('error', failed);
      server.on('error', (error) => onError?.(error));
      const bound = (server.address() as AddressInfo).port;
      resolve({ host, port: bound, url: `http://${hostPort(host, bound)}/`, close: closeOnce(server) });
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, host);
  });
}

function handleRequest(
  routes: Routes,
  req: IncomingMessage,
  res: ServerResponse,
  onError: ServerOptions['onError'],
): void {
  let path: string;
  try {
    path = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    sendText(res, 400, 'bad request');
    return;
  }
  const match = findRoute(routes, req.method ?? 'GET', path);
  if (match.kind === 'notFound') {
    sendText(res, 404, 'not found');
    return;
  }
  if (match.kind === 'methodNotAllowed') {
    sendText(res, 405, 'method not allowed', { Allow: match.allow.join(', ') });
    return;
  }
  Promise.resolve()
    .then(() => match.handler(req, res))
    .catch((error: unknown) => {
      onError?.(error, req);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
}

function closeOnce(server: Server): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
}
