/**
 * The benchmark's target: a small node:http server on 127.0.0.1 in its own process (started with
 * `fork`, driven over IPC). It counts every request and records, per monitor, when each request to
 * `/m/<name>` arrived, so intervals are measured where they land rather than where they are sent.
 *
 * Paths:
 * - `/ok`            200, 3-byte body.
 * - `/delay/<ms>`    200 after <ms> (the actual delay it achieved is recorded too).
 * - `/m/<name>`      200, arrival time recorded under <name>.
 * - `/status/<code>` that status, small body.
 * - `/hang`          accepts and never answers (closed after 120 s at the latest).
 * - `/slow`          headers at once, then 10 bytes every 200 ms for 1.6 s.
 * - `/reset`         headers and part of the body, then a TCP reset.
 * - `/chunked`       200, a 5,000-byte body in five chunks.
 *
 * An https twin of the same routes listens on another port, with a self-signed certificate for
 * `localhost` and `127.0.0.1` made at start; its port and certificate come in the `listening` event
 * (`tlsPort`, `tlsCaPem`), for the accuracy case.
 *
 * With `--faults` it also starts every fault of the README's "Failure modes" table that a target can
 * show (see `startFaults`) and lists them in its `listening` event as `faults: { kinds, caPem }`.
 *
 * IPC requests (`{ id, cmd }` → `{ id, ...reply }`):
 * - `stats`    → `{ t, total, byKind, loopDelay }` (t: epoch ms, sub-ms precision; `loopDelay`: the
 *                target's own event-loop delay p50/p99/max in ms since the last reset, so a late
 *                arrival can be told apart from a target that was itself held up).
 * - `arrivals` → `{ arrivals: { [name]: number[] } }` epoch ms per request to /m/<name>.
 * - `delays`   → `{ delays: number[] }` actual server-side delays of /delay requests (ms).
 * - `reset`    → clears counters, arrivals and delays; `{ notifyFirst: true }` also makes it push
 *                `{ ev: 'first', t }` when the next request arrives.
 * - `close`    → closes the server and exits.
 * On start it sends `{ ev: 'listening', port, tlsPort, tlsCaPem }` (and `faults` with `--faults`).
 */
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { generate } from 'selfsigned';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const origin = performance.timeOrigin;
const now = () => origin + performance.now();
const BODY = 'ok\n';
const HEADERS = { 'content-type': 'text/plain', 'content-length': String(BODY.length) };
const HANG_LIMIT_MS = 120_000;
const CHUNK_1000 = 'c'.repeat(1_000);

let total = 0;
let byKind = Object.create(null);
let arrivals = new Map();
let delays = [];
let notifyFirst = false;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const loopDelayMs = () => ({
  p50: loopDelay.percentile(50) / 1e6,
  p99: loopDelay.percentile(99) / 1e6,
  max: loopDelay.max / 1e6,
});

function count(kind) {
  total += 1;
  byKind[kind] = (byKind[kind] ?? 0) + 1;
  if (notifyFirst) {
    notifyFirst = false;
    process.send({ ev: 'first', t: now() });
  }
}

function answer(res, status = 200) {
  res.writeHead(status, HEADERS);
  res.end(BODY);
}

const routes = {
  ok(req, res) {
    answer(res);
  },
  m(req, res, rest) {
    const t = now();
    let times = arrivals.get(rest);
    if (times === undefined) arrivals.set(rest, (times = []));
    times.push(t);
    answer(res);
  },
  delay(req, res, rest) {
    const wanted = Number(rest) || 0;
    const start = performance.now();
    const timer = setTimeout(() => {
      delays.push(performance.now() - start);
      answer(res);
    }, wanted);
    res.on('close', () => clearTimeout(timer));
  },
  status(req, res, rest) {
    answer(res, Number(rest) || 503);
  },
  hang(req, res) {
    const timer = setTimeout(() => req.socket.destroy(), HANG_LIMIT_MS);
    res.on('close', () => clearTimeout(timer));
  },
  slow(req, res) {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '80' });
    let sent = 0;
    const timer = setInterval(() => {
      res.write('0123456789');
      sent += 1;
      if (sent === 8) {
        clearInterval(timer);
        res.end();
      }
    }, 200);
    res.on('close', () => clearInterval(timer));
  },
  chunked(req, res) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 0; i < 5; i++) res.write(CHUNK_1000);
    res.end();
  },
  reset(req, res) {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    res.write('partial body', () => {
      const socket = req.socket;
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
    });
  },
};

const route = (req, res) => {
  const url = req.url ?? '/';
  const slash = url.indexOf('/', 1);
  const kind = slash === -1 ? url.slice(1) : url.slice(1, slash);
  const rest = slash === -1 ? '' : url.slice(slash + 1);
  const route = routes[kind];
  count(route ? kind : 'other');
  if (route) route(req, res, rest);
  else answer(res, 404);
};
const server = createServer(route);
server.keepAliveTimeout = 5_000;
server.on('clientError', (error, socket) => socket.destroy());

process.on('message', (message) => {
  const { id, cmd } = message;
  switch (cmd) {
    case 'stats':
      process.send({ id, t: now(), total, byKind, loopDelay: loopDelayMs() });
      break;
    case 'arrivals':
      process.send({ id, arrivals: Object.fromEntries(arrivals) });
      break;
    case 'delays':
      process.send({ id, delays });
      break;
    case 'reset':
      total = 0;
      byKind = Object.create(null);
      arrivals = new Map();
      delays = [];
      notifyFirst = Boolean(message.notifyFirst);
      loopDelay.reset();
      process.send({ id, t: now() });
      break;
    case 'close':
      server.close();
      server.closeAllConnections();
      process.send({ id }, () => process.exit(0));
      break;
    default:
      process.send({ id, error: `unknown command ${cmd}` });
  }
});
// The orchestrator died: do not outlive it.
process.on('disconnect', () => process.exit(0));

const listen = (srv) =>
  new Promise((resolve) => srv.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve(srv.address().port)));

/**
 * Starts the faults on 127.0.0.1 (a raw TCP server answering by path, https servers with a
 * self-signed and a wrong-host certificate, one closing during the handshake, a refusing port) and
 * lists every kind of target: the faults, then a 503, a plain 200 and a chunked 5,000-byte body
 * from the main server.
 *
 * @param {string} base The main server's URL.
 * @returns {Promise<{ kinds: Array<{ kind: string, url: string, ca?: boolean }>, caPem: string }>}
 *   `ca`: the monitor must trust `caPem` (`tls.ca`), or the wrong host shows as self-signed.
 */
async function startFaults(base) {
  const cert = async (commonName, altName, issuer, isCa = false) => {
    const pems = await generate([{ name: 'commonName', value: commonName }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 30 * 86_400_000),
      ca: issuer,
      extensions: isCa
        ? [
            { name: 'basicConstraints', cA: true, critical: true },
            { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
          ]
        : [
            { name: 'basicConstraints', cA: false },
            { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
            { name: 'extKeyUsage', serverAuth: true },
            { name: 'subjectAltName', altNames: [{ type: 2, value: altName }] },
          ],
    });
    return { key: pems.private, cert: pems.cert };
  };
  const selfSigned = await cert('localhost', 'localhost');
  const ca = await cert('rxmon bench CA', '', undefined, true);
  const wrongHost = await cert('wrong.example', 'wrong.example', ca);
  const okHandler = (req, res) => res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end('ok');
  const tlsServer = (pair) => {
    const srv = createHttpsServer(pair, okHandler);
    srv.on('tlsClientError', () => undefined);
    return srv;
  };
  const raw = createNetServer(answerRawFault);
  const closing = createNetServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.destroy());
  });
  const refusing = createNetServer();
  const [rawPort, selfSignedPort, wrongHostPort, closingPort, refusedPort] = await Promise.all([
    listen(raw),
    listen(tlsServer(selfSigned)),
    listen(tlsServer(wrongHost)),
    listen(closing),
    listen(refusing),
  ]);
  refusing.close();
  const rawUrl = (path) => `http://127.0.0.1:${rawPort}${path}`;
  const kinds = [
    { kind: 'refused', url: `http://127.0.0.1:${refusedPort}/` },
    { kind: 'dns failure', url: 'http://rxmon-bench-fault.invalid/' },
    ...Object.keys(RAW_FAULTS).map((path) => ({ kind: path.slice(1), url: rawUrl(path) })),
    { kind: 'tls self-signed', url: `https://127.0.0.1:${selfSignedPort}/` },
    { kind: 'tls wrong host', url: `https://127.0.0.1:${wrongHostPort}/`, ca: true },
    { kind: 'tls closed in handshake', url: `https://127.0.0.1:${closingPort}/` },
    { kind: '503', url: `${base}/status/503` },
    { kind: 'ok', url: `${base}/ok` },
    { kind: 'chunked', url: `${base}/chunked` },
  ];
  return { kinds, caPem: ca.cert };
}

const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, 'x');
/** Caps an endless body, so a client that never stops reading cannot spin the machine forever. */
const ENDLESS_CAP = 256 * 1024 * 1024;

/** A response head with `Connection: close`. */
const rawHead = (statusLine, headers) =>
  `${statusLine}\r\n${Object.entries({ ...headers, Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n`;

/** The raw faults, by path (the same faults as spec/support/faultServer.ts). */
const RAW_FAULTS = {
  '/never-answers': () => undefined,
  '/body-stalls': (socket) => socket.write(rawHead('HTTP/1.1 200 OK', { 'Content-Length': 1_000 }) + 'only the first bytes'),
  '/reset-mid-body': (socket) => {
    socket.write(rawHead('HTTP/1.1 200 OK', { 'Content-Length': 1_000 }) + 'x'.repeat(100));
    setTimeout(() => {
      if (!socket.destroyed) socket.resetAndDestroy();
    }, 20);
  },
  '/garbage': (socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02 this is not HTTP\r\n\r\n'),
  '/http10': (socket) => {
    socket.write(rawHead('HTTP/1.0 200 OK', { 'Content-Type': 'text/plain' }));
    socket.end('close-delimited body, HTTP/1.0 style\n'.repeat(40));
  },
  '/broken-chunked': (socket) =>
    socket.end(rawHead('HTTP/1.1 200 OK', { 'Transfer-Encoding': 'chunked' }) + '5\r\nhello\r\nZZZ\r\nnot a chunk\r\n'),
  '/huge-content-length': (socket) => socket.end(rawHead('HTTP/1.1 200 OK', { 'Content-Length': 10 * 1024 ** 3 }) + 'short'),
  '/endless': (socket) => {
    socket.write(rawHead('HTTP/1.1 200 OK', { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' }));
    writeEndless(socket, 0);
  },
  '/redirect-loop': (socket) => socket.end(rawHead('HTTP/1.1 302 Found', { Location: '/redirect-loop', 'Content-Length': 0 })),
  '/redirect-ftp': (socket) =>
    socket.end(rawHead('HTTP/1.1 302 Found', { Location: 'ftp://127.0.0.1/file.txt', 'Content-Length': 0 })),
};

/** Writes 64 KiB chunks as fast as the client reads them, until it goes away (or the cap). */
function writeEndless(socket, written) {
  let sent = written;
  while (!socket.destroyed && sent < ENDLESS_CAP) {
    socket.write(`${ENDLESS_CHUNK.length.toString(16)}\r\n`);
    socket.write(ENDLESS_CHUNK);
    sent += ENDLESS_CHUNK.length;
    if (!socket.write('\r\n')) {
      socket.once('drain', () => writeEndless(socket, sent));
      return;
    }
  }
  if (!socket.destroyed) socket.destroy();
}

/** The raw server: reads the request head, then misbehaves according to the path. */
function answerRawFault(socket) {
  socket.on('error', () => undefined);
  const timer = setTimeout(() => socket.destroy(), HANG_LIMIT_MS);
  socket.once('close', () => clearTimeout(timer));
  let requestHead = '';
  const onData = (chunk) => {
    requestHead += chunk.toString('latin1');
    if (!requestHead.includes('\r\n\r\n') && requestHead.length < 16_384) return;
    socket.off('data', onData);
    const path = /^[A-Z]+ (\S+)/.exec(requestHead)?.[1] ?? '/';
    count(`fault ${path}`);
    const fault = RAW_FAULTS[path];
    if (fault) fault(socket);
    else socket.end(rawHead('HTTP/1.1 404 Not Found', { 'Content-Length': 0 }));
  };
  socket.on('data', onData);
}

/** The https twin's certificate: self-signed, for both names the accuracy case uses. */
async function twinCertificate() {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

const port = await listen(server);
const twinPems = await twinCertificate();
const twin = createHttpsServer(twinPems, route);
twin.on('tlsClientError', () => undefined);
const tlsPort = await listen(twin);
const faults = process.argv.includes('--faults') ? await startFaults(`http://127.0.0.1:${port}`) : undefined;
process.send({ ev: 'listening', port, tlsPort, tlsCaPem: twinPems.cert, ...(faults === undefined ? {} : { faults }) });
