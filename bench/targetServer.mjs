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
 * On start it sends `{ ev: 'listening', port }`.
 */
import { createServer } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const origin = performance.timeOrigin;
const now = () => origin + performance.now();
const BODY = 'ok\n';
const HEADERS = { 'content-type': 'text/plain', 'content-length': String(BODY.length) };
const HANG_LIMIT_MS = 120_000;

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
  reset(req, res) {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    res.write('partial body', () => {
      const socket = req.socket;
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
    });
  },
};

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const slash = url.indexOf('/', 1);
  const kind = slash === -1 ? url.slice(1) : url.slice(1, slash);
  const rest = slash === -1 ? '' : url.slice(slash + 1);
  const route = routes[kind];
  count(route ? kind : 'other');
  if (route) route(req, res, rest);
  else answer(res, 404);
});
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

server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  process.send({ ev: 'listening', port: server.address().port });
});
