import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from '../storage/pgTestDb.js';
import { ensureBuilt, killDaemons, listenUrl, startDaemon, writeTempConfig } from '../support/daemon.js';

const reachable = await postgresReachable('maintenance across instances');
const schemas: string[] = [];
let target: Server;
let targetUrl: string;

beforeAll(async () => {
  ensureBuilt();
  target = createServer((_req, res) => res.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterEach(killDaemons);
afterAll(async () => {
  await new Promise<void>((resolve) => target.close(() => resolve()));
  await dropSchemas(schemas);
});

const stateOf = async (base: string): Promise<string> => ((await (await fetch(new URL('/api/v1/monitors/api', base))).json()) as { state: string }).state;

/** How long until `read` gives `wanted` (ms), polling every 100 ms for at most `withinMs`. */
async function msUntil(read: () => Promise<string>, wanted: string, withinMs = 15_000): Promise<number> {
  const from = Date.now();
  while ((await read()) !== wanted) {
    if (Date.now() - from > withinMs) throw new Error(`not ${wanted} within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - from;
}

(reachable ? describe : describe.skip)('ad hoc maintenance across instances sharing PostgreSQL', () => {
  it('a window opened through one instance puts the monitor in maintenance on the other, and a stop through the other ends it on both', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const url = `${PG_URL}?options=-c%20search_path%3D${schema}`;
    const config = writeTempConfig(
      [
        'server: { port: 0 }',
        `storage: { type: postgres, url: "${url}", flush_every: 0.2 }`,
        'monitors:',
        `  api: { url: "${targetUrl}/", check_every: 0.2, timeout: 0.2, success_threshold: 1 }`,
        '',
      ].join('\n'),
    );
    const first = startDaemon(['--config', config]);
    await first.waitFor((records) => listenUrl(records) !== undefined, 15_000);
    const second = startDaemon(['--config', config]);
    await second.waitFor((records) => listenUrl(records) !== undefined, 15_000);
    const [a, b] = [listenUrl(first.records), listenUrl(second.records)];
    await msUntil(() => stateOf(b), 'up');

    const opened = await fetch(new URL('/api/v1/maintenance', a), { method: 'POST', body: JSON.stringify({ monitor: 'api', for: '10m' }) });
    expect(opened.status).toBe(201);
    expect(await stateOf(a)).toBe('maintenance');
    // The other instance reads the store every 5 s.
    expect(await msUntil(() => stateOf(b), 'maintenance')).toBeLessThan(10_000);
    await second.waitFor((records) => records.some((record) => record.monitor === 'api' && record.maintenance === true), 5_000);

    const stopped = await fetch(new URL('/api/v1/maintenance?monitor=api', b), { method: 'DELETE' });
    expect(await stopped.json()).toEqual({ stopped: 1 });
    expect(await msUntil(() => stateOf(b), 'up', 2_000)).toBeLessThan(2_000);
    expect(await msUntil(() => stateOf(a), 'up')).toBeLessThan(10_000);
  }, 60_000);
});
