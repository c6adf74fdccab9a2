import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PemPair } from './certs.js';

/** A server listening on 127.0.0.1 on a free port. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:43121` (no trailing slash; `tcp://…` for raw servers). */
  url: string;
  port: number;
  /** Number of connections accepted so far. */
  connections(): number;
  /** Resolves when every connection accepted so far has closed. */
  allClosed(): Promise<void>;
  /** Stops listening and destroys open connections. */
  close(): Promise<void>;
}

/**
 * Starts a node:http server on 127.0.0.1, port 0.
 *
 * ## Example
 * ```ts
 * const server = await startHttpServer((req, res) => res.end('ok'));
 * await fetch(`${server.url}/`);
 * await server.close();
 * ```
 *
 * @param handler The request listener.
 * @returns The running server.
 */
export function startHttpServer(handler: RequestListener): Promise<TestServer> {
  return listen(createHttpServer(handler), 'http');
}

/**
 * Starts a node:https server on 127.0.0.1, port 0, with the given certificate (see `generateCert`).
 *
 * @param pems The server's key and certificate (append the CA's cert to `cert` for a chain).
 * @param handler The request listener.
 * @returns The running server.
 */
export function startHttpsServer(pems: PemPair, handler: RequestListener): Promise<TestServer> {
  return listen(createHttpsServer({ key: pems.key, cert: pems.cert }, handler), 'https');
}

/**
 * Starts a raw TCP server on 127.0.0.1, port 0, for faults no HTTP server makes (garbage replies,
 * resets, stalls).
 *
 * Accepted sockets flow (they are resumed after `onConnection` runs), so the server reads the
 * client's FIN and `allClosed()` sees a client close; attach any 'data' listener in
 * `onConnection` itself.
 *
 * @param onConnection Called with each accepted socket.
 * @returns The running server; `url` is `http://127.0.0.1:<port>` so clients can point at it.
 */
export function startNetServer(onConnection: (socket: Socket) => void): Promise<TestServer> {
  return listen(
    createNetServer((socket) => {
      onConnection(socket);
      socket.resume();
    }),
    'http',
  );
}

/** Listens on 127.0.0.1:0 and tracks raw connections so `close()` never hangs on one. */
function listen(server: Server, scheme: string): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const closed: Promise<void>[] = [];
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${scheme}://127.0.0.1:${port}`,
        port,
        connections: () => closed.length,
        allClosed: () => Promise.all(closed).then(() => undefined),
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
