import { type Server, createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, ensureBuilt, killDaemons, startDaemon, writeTempConfig } from '../support/daemon.js';
import { FAULT_NAMES, type FaultServer, startFaultServer } from '../support/faultServer.js';
import { manyMonitorsYaml } from './support/manyMonitors.js';
import { streamsClosed } from './support/streamsClosed.js';
import { floorThirds, metricSum, robustSlope, thirds } from './support/trend.js';

// Issues 7 §4 and 17, the CI form: the daemon runs monitors over every fault of the README's
// "Failure modes" table that a target can show (the fault server's FAULT_NAMES; not the ones a target
// cannot cause: ABORTED, TLS_CA_UNREADABLE, INTERNAL), plus a 503, a plain 200 and a chunked 5,000-byte
// body, RXMON_SOAK_PER_KIND monitors of each kind checking every 0.5 s (timeout 0.4 s, log level
// warn: issue 17's setting), for RXMON_SOAK_MS, sampling /metrics every RXMON_SOAK_SAMPLE_MS. Each
// kind gets 12 checks a second. The system resolver is made as slow as this machine's on a bad day
// (slowSystemResolver.mjs), so the DNS failure fault is as hard on the daemon in every run.
// Memory, libuv requests, queued lookups and handles must not trend up; the check rate must hold.
// Issue 17's leak (a getaddrinfo queued per check of a .invalid name, each keeping its aborted socket,
// request and check) showed here as 256 → 673 lookups waiting over the judged 45 s (RSS +11 MiB;
// at the 40 checks/s of that name with the real resolver, RSS grew ~100 MiB a minute).
// `npm run bench -- --soak` is the 10-minute form over the same mix (bench/phases/soak.mjs).

const SOAK_MS = Number(process.env.RXMON_SOAK_MS ?? 75_000);
const SAMPLE_MS = Number(process.env.RXMON_SOAK_SAMPLE_MS ?? 5_000);
const PER_KIND = Number(process.env.RXMON_SOAK_PER_KIND ?? 6);
/**
 * Samples before this are the warm-up and not judged: the heap grows into its working size over the
 * first 20–30 s (RSS 210 → 360 MiB, then flat, on the project's machine).
 */
const WARM_UP_MS = 30_000;
const CHECK_EVERY_S = 0.5;
const TIMEOUT_S = 0.4;
const MiB = 1024 * 1024;

/** A sample of /metrics. */
interface Sample {
  atMin: number;
  rssBytes: number;
  heapUsedBytes: number;
  handles: number;
  /** libuv requests in flight (`nodejs_active_requests`: connects, writes, getaddrinfo …). */
  requests: number;
  /** getaddrinfo calls in flight or queued for the threadpool (`nodejs_active_requests{type="GetAddrInfoReqWrap"}`). */
  getaddrinfo: number;
  checks: number;
  /** System lookups queued behind the slow resolver's 4 slots (slowSystemResolver.mjs). */
  lookupsWaiting: number;
}

/** One kind of target: a URL, and the monitor keys it needs besides. */
interface Kind {
  name: string;
  url: string;
  extra?: string;
}

const SLOW_RESOLVER = join(ROOT, 'spec/robustness/support/slowSystemResolver.mjs');
const CHUNKED_BODY = Buffer.alloc(5_000, 'c');

let faults: FaultServer;
let plain: Server;
let plainUrl: string;

beforeAll(async () => {
  ensureBuilt();
  faults = await startFaultServer();
  plain = createServer((req, res) => {
    if (req.url === '/503') {
      res.writeHead(503).end('down');
    } else if (req.url === '/chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let at = 0; at < CHUNKED_BODY.length; at += 1_000) res.write(CHUNKED_BODY.subarray(at, at + 1_000));
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
});
afterEach(killDaemons);
afterAll(async () => {
  await faults.close();
  plain.closeAllConnections();
  await new Promise<void>((resolve) => plain.close(() => resolve()));
});

/** Every fault the fault server shows, then a 503, a plain 200 and a chunked 5,000-byte body. */
function soakKinds(): Kind[] {
  const kinds: Kind[] = FAULT_NAMES.map((name) => ({
    name,
    url: faults.urls[name],
    ...(name === 'tlsWrongHost' ? { extra: `tls: { ca: "${faults.wrongHostCaFile}" }` } : {}),
  }));
  kinds.push({ name: '503', url: `${plainUrl}/503` }, { name: 'ok', url: `${plainUrl}/ok` }, { name: 'chunked', url: `${plainUrl}/chunked` });
  return kinds;
}

/** A port nothing listens on right now (the daemon logs at warn level, so not its `listening on`). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function sample(base: string, startedAt: number, lookupStats: string): Promise<Sample> {
  const text = await (await fetch(new URL('/metrics', base))).text();
  const value = (name: string) => {
    const found = metricSum(text, name);
    if (found === undefined) throw new Error(`/metrics has no ${name}`);
    return found;
  };
  return {
    atMin: (Date.now() - startedAt) / 60_000,
    rssBytes: value('process_resident_memory_bytes'),
    heapUsedBytes: value('nodejs_heap_size_used_bytes'),
    handles: value('nodejs_active_handles'),
    // Absent while no request is in flight.
    requests: metricSum(text, 'nodejs_active_requests') ?? 0,
    getaddrinfo: metricSum(text, 'nodejs_active_requests', 'type="GetAddrInfoReqWrap"') ?? 0,
    checks: value('rxmon_checks_total'),
    lookupsWaiting: (JSON.parse(readFileSync(lookupStats, 'utf8')) as { waiting: number }).waiting,
  };
}

/** Resolves once /metrics answers; rejects when the daemon exits first or after `ms`. */
async function waitForMetrics(base: string, child: { exitCode: number | null }, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the daemon exited with ${child.exitCode}`);
    const answered = await fetch(new URL('/metrics', base)).then((response) => response.ok, () => false);
    if (answered) return;
    if (Date.now() > until) throw new Error(`no /metrics at ${base} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const KIND_COUNT = FAULT_NAMES.length + 3;

describe(`a ${SOAK_MS / 1000} s soak: ${PER_KIND} monitors of each of ${KIND_COUNT} kinds, every ${CHECK_EVERY_S} s`, () => {
  it(
    'keeps memory, libuv requests and handles flat and the check rate steady',
    async () => {
      const kinds = soakKinds();
      const port = await freePort();
      const monitors = kinds.length * PER_KIND;
      const config = writeTempConfig(
        manyMonitorsYaml({
          count: monitors,
          urlOf: (i) => (kinds[i % kinds.length] as Kind).url,
          extraOf: (i) => (kinds[i % kinds.length] as Kind).extra,
          checkEvery: String(CHECK_EVERY_S),
          timeout: String(TIMEOUT_S),
          top: `log: { level: warn }\nserver: { port: ${port} }`,
        }),
      );
      // The system resolver as slow as this machine's on a bad day (see slowSystemResolver.mjs), so
      // a lookup queued per check shows whatever the real resolver does during the run.
      const lookupStats = join(dirname(config), 'lookups.json');
      const daemon = startDaemon(['--config', config], {
        NODE_OPTIONS: `--import=${SLOW_RESOLVER}`,
        RXMON_SLOW_LOOKUP_STATS: lookupStats,
      });
      const closed = streamsClosed(daemon.child);
      const base = `http://127.0.0.1:${port}`;
      await waitForMetrics(base, daemon.child, 15_000);
      const startedAt = Date.now();

      const samples: Sample[] = [];
      for (let at = SAMPLE_MS; at <= SOAK_MS; at += SAMPLE_MS) {
        await new Promise((resolve) => setTimeout(resolve, startedAt + at - Date.now()));
        samples.push(await sample(base, startedAt, lookupStats));
      }
      daemon.child.kill('SIGTERM');
      const { code } = await closed;

      const steady = samples.filter((s) => s.atMin * 60_000 >= WARM_UP_MS - 1);
      const minutes = steady.map((s) => s.atMin);
      const rss = steady.map((s) => s.rssBytes / MiB);
      const heap = steady.map((s) => s.heapUsedBytes / MiB);
      const heapFloor = floorThirds(heap);
      const requests = steady.map((s) => s.requests);
      const getaddrinfo = steady.map((s) => s.getaddrinfo);
      const lookupsWaiting = steady.map((s) => s.lookupsWaiting);
      const handles = steady.map((s) => s.handles);
      const perWindow = samples.slice(1).map((s, i) => s.checks - (samples[i] as Sample).checks);
      const expectedPerWindow = (monitors / CHECK_EVERY_S) * (SAMPLE_MS / 1000);
      const rssSlope = robustSlope(minutes, rss);
      const rssFloor = floorThirds(rss);
      const requestThirds = thirds(requests);
      const handleThirds = thirds(handles);
      console.info(
        [
          `soak ${SOAK_MS / 1000} s, ${monitors} monitors (${PER_KIND} × ${kinds.length} kinds) every ${CHECK_EVERY_S} s:`,
          `RSS MiB ${rss.map((v) => v.toFixed(0)).join(' ')} (Theil–Sen slope ${rssSlope.toFixed(1)} MiB/min; floor of the first third ${rssFloor.first.toFixed(0)}, of the last ${rssFloor.last.toFixed(0)})`,
          `heap used MiB ${heap.map((v) => v.toFixed(0)).join(' ')} (floor of the first third ${heapFloor.first.toFixed(0)}, of the last ${heapFloor.last.toFixed(0)})`,
          `libuv requests ${requests.join(' ')} (getaddrinfo ${getaddrinfo.join(' ')}); system lookups waiting ${lookupsWaiting.join(' ')}`,
          `handles ${handles.join(' ')}`,
          `checks per ${SAMPLE_MS / 1000} s ${perWindow.join(' ')} (planned ${expectedPerWindow})`,
        ].join('\n'),
      );

      expect(code).toBe(0);
      expect(daemon.stderr()).toBe('');
      expect(daemon.junk).toEqual([]);
      expect(steady.length).toBeGreaterThanOrEqual(6);
      // getaddrinfo cannot be cancelled and holds one of libuv's 4 threadpool threads: rxmon runs at
      // most one per name (one `.invalid` name here), so none waits behind the slow resolver's 4
      // slots. Issue 17 queued one per check, each keeping its aborted socket, request and check:
      // hundreds within the minute.
      expect(Math.max(...getaddrinfo)).toBeLessThanOrEqual(4);
      expect(Math.max(...lookupsWaiting)).toBeLessThanOrEqual(4);
      // Memory: a GC sawtooth moves single samples by tens of MiB but neither the floor (the lows
      // right after collections) nor the median pairwise slope; a steady leak moves both. The
      // thresholds sit well above what the fixed daemon shows (floor ±3 MiB, slope -1.4 to 5.4 MiB/min,
      // also with the machine loaded) and well below issue 17's ~100 MiB/min; a leak of 30 KiB per
      // check of one kind (12 checks/s) is 21 MiB/min.
      // What a leak retains lives on the JS heap, judged tightly; RSS also moves by native memory
      // that a burst of sockets and TLS contexts takes and glibc keeps (a one-step rise of 60 MiB seen
      // with a flat heap on a loaded machine), so it is judged loosely: issue 17 grew ~200 MiB/min.
      expect(heapFloor.last - heapFloor.first).toBeLessThan(24);
      expect(rssFloor.last - rssFloor.first).toBeLessThan(96);
      // libuv requests of any kind (connects, writes): as many as checks in flight, no more.
      expect(requestThirds.last).toBeLessThan(requestThirds.first * 1.5 + 40);
      expect(handleThirds.last).toBeLessThan(handleThirds.first * 1.25 + 25);
      // The check rate holds: each check ends at its timeout (0.4 s) or sooner, so only a busy machine
      // drops ticks (exhaustMap). On the shared 2-core machine other jobs take whole cores for seconds
      // (single 5 s windows from 42 % to 96 % of plan in one run), so the rate is judged over the
      // judged part as a whole and by its thirds: no bursts, not wedged, not slowing as it goes on.
      const steadyWindows = perWindow.slice(-(steady.length - 1));
      const rateThirds = thirds(steadyWindows);
      for (const checks of steadyWindows) expect(checks).toBeLessThan(expectedPerWindow * 1.2);
      expect(steadyWindows.reduce((a, b) => a + b, 0)).toBeGreaterThan(steadyWindows.length * expectedPerWindow * 0.5);
      expect(rateThirds.last).toBeGreaterThan(rateThirds.first * 0.7);
    },
    SOAK_MS + 40_000,
  );
});
