import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, which a test switches between forwarding and
 * refusing: a refusing proxy accepts and at once destroys every connection (what a daemon sees while
 * its database restarts), and switching to refusing also cuts every connection it carries.
 *
 * ## Example
 * ```ts
 * const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 }, { forwarding: false });
 * // … point the daemon at 127.0.0.1:${proxy.port} …
 * proxy.forward();
 * await proxy.close();
 * ```
 */
export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  readonly port: number;
  /** Whether connections are forwarded now. */
  readonly forwarding: boolean;
  /** Connections accepted so far (refused ones included). */
  connections(): number;
  /** Forwards new connections from now on. */
  forward(): void;
  /** Cuts every open connection and refuses new ones until {@link forward}. */
  refuse(): void;
  /** Stops listening and cuts everything. */
  close(): Promise<void>;
}

/**
 * Starts a {@link TcpProxy}.
 *
 * @param target Where forwarded connections go.
 * @param options `forwarding`: whether it forwards from the start (default true).
 * @returns The listening proxy.
 */
export async function startTcpProxy(target: { host: string; port: number }, { forwarding = true } = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let on = forwarding;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = createServer((client) => {
    accepted += 1;
    track(client);
    if (!on) {
      client.destroy();
      return;
    }
    const upstream = connect(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    get forwarding() {
      return on;
    },
    connections: () => accepted,
    forward() {
      on = true;
    },
    refuse() {
      on = false;
      cutAll();
    },
    close() {
      on = false;
      cutAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
