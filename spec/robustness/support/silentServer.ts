import { createServer, type AddressInfo, type Socket } from 'node:net';

/** A TCP server that accepts every connection and never answers, counting the sockets it holds. */
export interface SilentServer {
  /** `http://127.0.0.1:<port>`: point monitors at it. */
  readonly url: string;
  /** Sockets open right now (accepted, not yet closed by either side). */
  open(): number;
  /** Sockets accepted so far. */
  accepted(): number;
  /**
   * Resolves once `count` sockets are open at the same time; rejects after `ms`.
   *
   * @param count How many open sockets to wait for.
   * @param ms How long to wait.
   */
  waitForOpen(count: number, ms: number): Promise<void>;
  /**
   * Resolves once no socket is open; rejects after `ms` with how many are left.
   *
   * @param ms How long to wait.
   */
  waitForNoneOpen(ms: number): Promise<void>;
  /** Destroys every socket and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1, port 0, that reads requests and never answers them, so a client's
 * requests stay in flight until it aborts them. It sees a client's abort as its socket closing.
 *
 * ## Example
 * ```ts
 * const silent = await startSilentServer();
 * await silent.waitForOpen(1_000, 10_000); // 1,000 checks in flight
 * daemon.child.kill('SIGTERM');
 * await silent.waitForNoneOpen(2_000);     // every request aborted
 * ```
 *
 * @returns The running server.
 */
export function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const changed = new Set<() => void>();
  let accepted = 0;
  const notify = () => {
    for (const listener of changed) listener();
  };
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.resume(); // read (and drop) the request, so a client's FIN is seen
    socket.once('close', () => {
      sockets.delete(socket);
      notify();
    });
    notify();
  });
  server.maxConnections = 20_000;

  const waitUntil = (done: () => boolean, ms: number, what: () => string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        changed.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        changed.delete(check);
        reject(new Error(`timed out after ${ms} ms: ${what()}`));
      }, ms);
      changed.add(check);
      check();
    });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4_096 }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        open: () => sockets.size,
        accepted: () => accepted,
        waitForOpen: (count, ms) => waitUntil(() => sockets.size >= count, ms, () => `${sockets.size} of ${count} sockets open`),
        waitForNoneOpen: (ms) => waitUntil(() => sockets.size === 0, ms, () => `${sockets.size} sockets still open`),
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
