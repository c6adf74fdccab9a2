import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request a receiver got. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver on 127.0.0.1 and a random port. */
export interface Receiver {
  /** Base URL, `http://127.0.0.1:<port>`. */
  base: string;
  /** Requests whose body has fully arrived (recording), or that arrived at all (hanging). */
  requests: ReceivedRequest[];
  /** How many request sockets have closed (an aborted request closes its socket). */
  closedSockets(): number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function track(server: Server): { sockets: Set<Socket>; closed: () => number } {
  const sockets = new Set<Socket>();
  let closed = 0;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closed += 1;
    });
  });
  return { sockets, closed: () => closed };
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** A receiver that records each request and answers `status`. */
export async function recordingReceiver(status = 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  const { sockets, closed } = track(server);
  return { base: await listen(server), requests, closedSockets: closed, close: closer(server, sockets) };
}

/** A receiver that accepts requests and never answers. */
export async function hangingReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' });
    req.resume();
  });
  const { sockets, closed } = track(server);
  return { base: await listen(server), requests, closedSockets: closed, close: closer(server, sockets) };
}

/** A base URL where nothing listens (connection refused): a port that was free a moment ago. */
export async function downAddress(): Promise<string> {
  const server = createServer();
  const base = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return base;
}

/** Resolves once `predicate()` holds, polling every 10 ms; rejects after `withinMs`. */
export async function eventually(predicate: () => boolean, withinMs = 5000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
