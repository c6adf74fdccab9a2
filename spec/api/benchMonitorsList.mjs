// Measures GET /api/v1/monitors at scale over the built daemon code (dist/), outside jest:
//   npm run build && node spec/api/benchMonitorsList.mjs [monitors=10000] [hours=24] [memory|sqlite]
// Each monitor gets one result per hour for `hours` hours (so hourly and daily buckets exist), a
// realistic last result (timings, status), and a group. Prints cold (cache filling: one uptimeOver
// per window) and warm (cached) response times and the response size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { apiAndBadgeRoutes } from '../../dist/api/index.js';
import { LiveMonitors } from '../../dist/live/liveMonitors.js';
import { startServer } from '../../dist/server/startServer.js';
import { openStore } from '../../dist/storage/openStore.js';
import { DEFAULT_RETENTION } from '../../dist/storage/retention.js';

const monitors = Number(process.argv[2] ?? 10_000);
const hours = Number(process.argv[3] ?? 24);
const type = process.argv[4] ?? 'memory';
const now = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'rxmon-bench-api-'));
const store = await openStore(
  { type, ...(type === 'sqlite' ? { path: join(dir, 'bench.sqlite') } : {}), flushEvery: 1_000, bufferSize: 100_000, pruneEvery: 600_000, retention: DEFAULT_RETENTION },
  { cwd: dir },
);
const names = Array.from({ length: monitors }, (_, index) => `monitor-${String(index).padStart(5, '0')}`);
const result = (monitor, index, hoursAgo) => {
  const ok = (index + hoursAgo) % 50 !== 0;
  return {
    monitor,
    method: 'GET',
    url: `https://service-${index}.example.com/health`,
    startedAt: new Date(now - hoursAgo * 3_600_000 - 1_000).toISOString(),
    ok,
    ...(ok ? { status: 200 } : { status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'expected status 200-399, got 503' } }),
    bytes: 2,
    contentLength: 2,
    durationMs: 42.5,
    timings: { dnsMs: 1.2, connectMs: 3.4, tlsMs: 12.1, firstByteMs: 24.8, transferMs: 1 },
    redirects: 0,
    finalUrl: `https://service-${index}.example.com/health`,
    certExpiresInDays: 61.25,
    scheduleLagMs: 0.4,
  };
};
const last = new Map();
const writeStarted = performance.now();
for (let hour = hours; hour >= 0; hour -= 1) {
  const batch = names.map((name, index) => result(name, index, hour));
  if (hour === 0) for (const row of batch) last.set(row.monitor, row);
  await lastValueFrom(store.write({ results: batch, changes: [], health: [] }));
}
const live = new LiveMonitors(names.map((name, index) => ({ name, group: `group-${index % 50}`, url: `https://service-${index}.example.com/health`, method: 'GET', timeout: 5_000, checkEvery: 30_000, headers: {}, followRedirects: true, maxRedirects: 10, tls: { insecure: false }, ipFamily: 'auto', maxBodyBytes: 1_048_576, expect: { status: [[200, 399]] }, failureThreshold: 3, successThreshold: 2 })));
live.restore(names.map((name) => ({ monitor: name, track: { state: 'up', streakOk: true, streak: 5 }, since: new Date(now - 3_600_000).toISOString(), lastAt: last.get(name).startedAt })), last);
const server = await startServer({ port: 0, routes: apiAndBadgeRoutes({ store, live }) });
const timed = async () => {
  const started = performance.now();
  const response = await fetch(new URL('/api/v1/monitors', server.url));
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes, status: response.status };
};
const cold = await timed();
const warm = [];
for (let run = 0; run < 10; run += 1) warm.push((await timed()).ms);
warm.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    store: type,
    monitors,
    storedResults: monitors * (hours + 1),
    fillMs: Math.round(performance.now() - writeStarted),
    coldMs: Math.round(cold.ms),
    warmMedianMs: Math.round(warm[5]),
    warmBestMs: Math.round(warm[0]),
    bytes: cold.bytes,
    status: cold.status,
  }),
);
await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
