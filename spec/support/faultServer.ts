import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCert } from './certs.js';
import { startHttpServer, startHttpsServer, startNetServer } from './httpServers.js';

/**
 * Every fault the fault server offers, one per path or port (issue 7 §1). `http10CloseDelimited` is
 * the odd one out: a legal, if old-fashioned, response that a check must accept.
 */
export const FAULT_NAMES = [
  'connectionRefused',
  'dnsFailure',
  'neverAnswers',
  'bodyStalls',
  'resetMidBody',
  'garbageReply',
  'http10CloseDelimited',
  'brokenChunked',
  'hugeContentLength',
  'endlessBody',
  'redirectLoop',
  'redirectToUnsupportedScheme',
  'tlsSelfSigned',
  'tlsWrongHost',
  'tlsClosedDuringHandshake',
] as const;

/** One of {@link FAULT_NAMES}. */
export type FaultName = (typeof FAULT_NAMES)[number];

/** The body the `http10CloseDelimited` fault sends; its length is the byte count a check must report. */
export const HTTP10_BODY = Buffer.from('close-delimited body, HTTP/1.0 style\n'.repeat(40));

/** A running fault server. */
export interface FaultServer {
  /** Fault name → the URL that shows it. */
  readonly urls: Readonly<Record<FaultName, string>>;
  /** A healthy endpoint (200, `ok`), to show the faults do not affect other monitors. */
  readonly healthyUrl: string;
  /**
   * A PEM file trusting the `tlsWrongHost` certificate, for a monitor's `tls.ca`. Without it that
   * fault shows up as a self-signed certificate instead of a wrong host name.
   */
  readonly wrongHostCaFile: string;
  /** How many connections the servers have accepted so far (tests can see a fault was reached). */
  readonly connections: () => number;
  /** Resolves when every connection accepted so far has been closed (by either side). */
  readonly allClosed: () => Promise<void>;
  /** Destroys every socket, closes every server, removes the CA file. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const STALL_CONTENT_LENGTH = 1_000;
const TEN_GB = 10 * 1024 ** 3;
/** The endless body stops after this much anyway, so a broken client cannot spin the machine forever. */
const ENDLESS_BODY_CAP = 256 * 1024 * 1024;
const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * Starts every fault on 127.0.0.1, port 0: one raw `net` server answers the HTTP-level faults by
 * path, two https servers and a raw one show the TLS faults, a port that was bound and closed refuses
 * connections, and a `.invalid` host name fails DNS without any server. Certificates are made now
 * (`generateCert`); every socket is destroyed on `close()`.
 *
 * ## Example
 * ```ts
 * const faults = await startFaultServer();
 * try {
 *   await fetch(faults.urls.garbageReply); // fails to parse
 * } finally {
 *   await faults.close();
 * }
 * ```
 *
 * @returns The running server: URLs per fault, a healthy URL, and `close()`.
 */
export async function startFaultServer(): Promise<FaultServer> {
  const [selfSigned, wrongHostCa] = await Promise.all([
    generateCert(),
    generateCert({ commonName: 'rxmon fault CA', isCa: true }),
  ]);
  const wrongHost = await generateCert({ commonName: 'wrong.example', altNames: ['wrong.example'], issuer: wrongHostCa });
  const caDir = await mkdtemp(join(tmpdir(), 'rxmon-faults-'));
  const wrongHostCaFile = join(caDir, 'wrong-host-ca.pem');
  await writeFile(wrongHostCaFile, wrongHostCa.cert);

  const [raw, healthy, tlsSelfSigned, tlsWrongHost, tlsClosing, refusedPort] = await Promise.all([
    startNetServer(answerByPath),
    startHttpServer(answerOk),
    startHttpsServer(selfSigned, answerOk),
    startHttpsServer(wrongHost, answerOk),
    startNetServer((socket) => socket.once('data', () => socket.destroy())),
    closedPort(),
  ]);
  const servers = [raw, healthy, tlsSelfSigned, tlsWrongHost, tlsClosing];
  const https = (port: number): string => `https://${HOST}:${port}/`;

  return {
    urls: {
      connectionRefused: `http://${HOST}:${refusedPort}/`,
      dnsFailure: 'http://rxmon-fault.invalid/',
      neverAnswers: `${raw.url}/never-answers`,
      bodyStalls: `${raw.url}/body-stalls`,
      resetMidBody: `${raw.url}/reset-mid-body`,
      garbageReply: `${raw.url}/garbage`,
      http10CloseDelimited: `${raw.url}/http10`,
      brokenChunked: `${raw.url}/broken-chunked`,
      hugeContentLength: `${raw.url}/huge-content-length`,
      endlessBody: `${raw.url}/endless`,
      redirectLoop: `${raw.url}/redirect-loop`,
      redirectToUnsupportedScheme: `${raw.url}/redirect-ftp`,
      tlsSelfSigned: https(tlsSelfSigned.port),
      tlsWrongHost: https(tlsWrongHost.port),
      tlsClosedDuringHandshake: https(tlsClosing.port),
    },
    healthyUrl: `${healthy.url}/`,
    wrongHostCaFile,
    connections: () => servers.reduce((sum, server) => sum + server.connections(), 0),
    allClosed: () => Promise.all(servers.map((server) => server.allClosed())).then(() => undefined),
    async close() {
      await Promise.all(servers.map((server) => server.close()));
      await rm(caDir, { recursive: true, force: true });
    },
  };
}

/** The raw server: reads the request head, then misbehaves according to the path. */
function answerByPath(socket: Socket): void {
  let requestHead = '';
  const onData = (chunk: Buffer): void => {
    requestHead += chunk.toString('latin1');
    if (!requestHead.includes('\r\n\r\n') && requestHead.length < 16_384) return;
    socket.off('data', onData);
    const path = /^[A-Z]+ (\S+)/.exec(requestHead)?.[1] ?? '/';
    (RAW_FAULTS[path] ?? notFound)(socket);
  };
  socket.on('data', onData);
}

const RAW_FAULTS: Readonly<Record<string, (socket: Socket) => void>> = {
  '/never-answers': () => undefined,
  '/body-stalls': (socket) => {
    socket.write(head('HTTP/1.1 200 OK', { 'Content-Length': STALL_CONTENT_LENGTH }) + 'only the first bytes');
  },
  '/reset-mid-body': (socket) => {
    socket.write(head('HTTP/1.1 200 OK', { 'Content-Length': STALL_CONTENT_LENGTH }) + 'x'.repeat(100));
    setTimeout(() => {
      if (!socket.destroyed) socket.resetAndDestroy();
    }, 20);
  },
  '/garbage': (socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02 this is not HTTP\r\n\r\n'),
  '/http10': (socket) => {
    socket.write(head('HTTP/1.0 200 OK', { 'Content-Type': 'text/plain' }));
    socket.end(HTTP10_BODY);
  },
  '/broken-chunked': (socket) => {
    socket.end(head('HTTP/1.1 200 OK', { 'Transfer-Encoding': 'chunked' }) + '5\r\nhello\r\nZZZ\r\nnot a chunk\r\n');
  },
  '/huge-content-length': (socket) => socket.end(head('HTTP/1.1 200 OK', { 'Content-Length': TEN_GB }) + 'short'),
  '/endless': (socket) => {
    socket.write(head('HTTP/1.1 200 OK', { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' }));
    writeEndlessChunks(socket);
  },
  '/redirect-loop': (socket) => socket.end(head('HTTP/1.1 302 Found', { Location: '/redirect-loop', 'Content-Length': 0 })),
  '/redirect-ftp': (socket) => {
    socket.end(head('HTTP/1.1 302 Found', { Location: 'ftp://127.0.0.1/file.txt', 'Content-Length': 0 }));
  },
};

function notFound(socket: Socket): void {
  socket.end(head('HTTP/1.1 404 Not Found', { 'Content-Length': 0 }));
}

/** Writes 64 KiB chunks as fast as the client reads them, until it goes away (or the safety cap). */
function writeEndlessChunks(socket: Socket, written = 0): void {
  let sent = written;
  while (!socket.destroyed && sent < ENDLESS_BODY_CAP) {
    socket.write(`${ENDLESS_CHUNK.length.toString(16)}\r\n`);
    socket.write(ENDLESS_CHUNK);
    sent += ENDLESS_CHUNK.length;
    if (!socket.write('\r\n')) {
      socket.once('drain', () => writeEndlessChunks(socket, sent));
      return;
    }
  }
  if (!socket.destroyed) socket.destroy();
}

/** A response head with `Connection: close`. */
function head(statusLine: string, headers: Readonly<Record<string, string | number>>): string {
  const lines = Object.entries({ ...headers, Connection: 'close' }).map(([name, value]) => `${name}: ${value}`);
  return `${statusLine}\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function answerOk(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end('ok');
}

/** A port that was bound and closed again: connecting to it is refused. */
function closedPort(): Promise<number> {
  const server: Server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
