import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureBuilt, killDaemons, startDaemon, writeTempConfig } from '../support/daemon.js';
import { type FaultServer, startFaultServer } from '../support/faultServer.js';
import { manyMonitorsYaml } from './support/manyMonitors.js';
import { streamsClosed } from './support/streamsClosed.js';
import { metricSum, slope, thirds } from './support/trend.js';

// Issue 7 §4, the CI form: the daemon runs many monitors over a fault mix for a minute (RXMON_SOAK_MS;
// the benchmark's soak runs the 10-minute form with RXMON_SOAK_MS=600000 RXMON_SOAK_MONITORS=1000),
// and /metrics is sampled every RXMON_SOAK_SAMPLE_MS. Memory and handles must not trend up, and the
// check rate must hold.

const SOAK_MS = Number(process.env.RXMON_SOAK_MS ?? 60_000);
const SAMPLE_MS = Number(process.env.RXMON_SOAK_SAMPLE_MS ?? 10_000);
const MONITORS = Number(process.env.RXMON_SOAK_MONITORS ?? 500);
const CHECK_EVERY_S = 5;
const TIMEOUT_S = 2;
const MiB = 1024 * 1024;

/** A sample of /metrics. */
interface Sample {
  atMin: number;
  rssBytes: number;
  handles: number;
  checks: number;
}

let faults: FaultServer;
let plain: Server;
let plainUrl: string;

beforeAll(async () => {
  ensureBuilt();
  faults = await startFaultServer();
  plain = createServer((req, res) => {
    if (req.url === '/503') res.writeHead(503).end('down');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
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

/** The fault mix, one URL per monitor in turn: ok, refused, hanging, slow body, 503, reset. */
function faultMix(): string[] {
  return [
    `${plainUrl}/ok`,
    faults.urls.connectionRefused,
    faults.urls.neverAnswers,
    faults.urls.bodyStalls,
    `${plainUrl}/503`,
    faults.urls.resetMidBody,
  ];
}

async function sample(base: string, startedAt: number): Promise<Sample> {
  const text = await (await fetch(new URL('/metrics', base))).text();
  const value = (name: string) => {
    const found = metricSum(text, name);
    if (found === undefined) throw new Error(`/metrics has no ${name}`);
    return found;
  };
  return {
    atMin: (Date.now() - startedAt) / 60_000,
    rssBytes: value('process_resident_memory_bytes'),
    handles: value('nodejs_active_handles'),
    checks: value('rxmon_checks_total'),
  };
}

describe(`a ${SOAK_MS / 1000} s soak: ${MONITORS} monitors every ${CHECK_EVERY_S} s over the fault mix`, () => {
  it(
    'keeps memory and handles flat and the check rate steady',
    async () => {
      const mix = faultMix();
      const config = writeTempConfig(
        manyMonitorsYaml({
          count: MONITORS,
          urlOf: (i) => mix[i % mix.length],
          checkEvery: String(CHECK_EVERY_S),
          timeout: String(TIMEOUT_S),
          top: 'server: { port: 0 }',
        }),
      );
      const daemon = startDaemon(['--config', config]);
      const closed = streamsClosed(daemon.child);
      await daemon.waitFor((records) => records.some((record) => /^listening on /.test(record.msg)), 15_000);
      const base = daemon.records.find((record) => /^listening on /.test(record.msg))!.url as string;
      const startedAt = Date.now();

      const samples: Sample[] = [];
      for (let at = SAMPLE_MS; at <= SOAK_MS; at += SAMPLE_MS) {
        await new Promise((resolve) => setTimeout(resolve, startedAt + at - Date.now()));
        samples.push(await sample(base, startedAt));
      }
      daemon.child.kill('SIGTERM');
      const { code } = await closed;

      // The trend is judged after the first sample: the heap grows into its working size first.
      const steady = samples.slice(1);
      const minutes = steady.map((s) => s.atMin);
      const rss = steady.map((s) => s.rssBytes);
      const handles = steady.map((s) => s.handles);
      const perWindow = samples.slice(1).map((s, i) => s.checks - samples[i].checks);
      const expectedPerWindow = (MONITORS / CHECK_EVERY_S) * (SAMPLE_MS / 1000);
      const rssSlope = slope(minutes, rss) / MiB;
      const handleSlope = slope(minutes, handles);
      const rssThirds = thirds(rss);
      const handleThirds = thirds(handles);
      console.info(
        [
          `soak ${SOAK_MS / 1000} s, ${MONITORS} monitors:`,
          `RSS MiB ${rss.map((v) => (v / MiB).toFixed(1)).join(' ')} (slope ${rssSlope.toFixed(2)} MiB/min)`,
          `handles ${handles.join(' ')} (slope ${handleSlope.toFixed(1)}/min)`,
          `checks per ${SAMPLE_MS / 1000} s ${perWindow.join(' ')} (expected ${expectedPerWindow})`,
        ].join('\n'),
      );

      expect(code).toBe(0);
      expect(daemon.stderr()).toBe('');
      expect(daemon.junk).toEqual([]);
      expect(steady.length).toBeGreaterThanOrEqual(3);
      // No growth trend. Generous: a leak of a few KiB per check (500 checks/5 s) would break both.
      expect(rssThirds.last).toBeLessThan(rssThirds.first * 1.25 + 16 * MiB);
      expect(rssSlope).toBeLessThan(24);
      expect(handleThirds.last).toBeLessThan(handleThirds.first * 1.25 + 25);
      expect(handleSlope).toBeLessThan(MONITORS / 10);
      // Every monitor keeps its rate: the hanging ones time out (2 s) well before their next turn (5 s).
      for (const checks of perWindow) {
        expect(checks).toBeGreaterThan(expectedPerWindow * 0.8);
        expect(checks).toBeLessThan(expectedPerWindow * 1.2);
      }
    },
    SOAK_MS + 40_000,
  );
});
