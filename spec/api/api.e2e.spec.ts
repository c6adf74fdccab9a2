import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checksOf, ensureBuilt, killDaemons, listenUrl, startDaemon, writeTempConfig } from '../support/daemon.js';
import { elementsNamed, parseXml, textOf } from '../support/xmlCheck.js';

const TOKEN = 'e2e-token-4f9c1d';
let target: Server;
let targetUrl: string;

beforeAll(async () => {
  ensureBuilt();
  target = createServer((req, res) => res.writeHead(req.url === '/fail' ? 503 : 200).end('ok'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterEach(killDaemons);
afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

describe('the API, the badges and server.auth on the real daemon', () => {
  it('serves the API behind a bearer token, the badges and /healthz without it, and never logs the token', async () => {
    const config = writeTempConfig(
      [
        'server: { port: 0, auth: { bearer: "${RXMON_TOKEN}" } }',
        'storage: { flush_every: 0.2 }',
        'monitors:',
        `  web: { url: "${targetUrl}/ok", check_every: 0.2, timeout: 0.2, success_threshold: 1, group: shop }`,
        `  broken: { url: "${targetUrl}/fail", check_every: 0.2, timeout: 0.2, failure_threshold: 1 }`,
        '',
      ].join('\n'),
    );
    const daemon = startDaemon(['--config', config], { RXMON_TOKEN: TOKEN });
    await daemon.waitFor((records) => listenUrl(records) !== undefined && checksOf(records, 'web').length >= 3 && checksOf(records, 'broken').length >= 3, 15_000);
    const base = listenUrl(daemon.records);
    const get = (path: string, token?: string) => fetch(new URL(path, base), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const json = async (path: string, token?: string): Promise<any> => (await get(path, token)).json();

    const anonymous = await get('/api/v1/monitors');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="rxmon"');
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/api/v1/monitors', 'wrong-token-same-l')).status).toBe(401);
    expect((await get('/healthz')).status).toBe(200);

    const listed = await get('/api/v1/monitors', TOKEN);
    expect(listed.status).toBe(200);
    const { monitors } = (await listed.json()) as any;
    expect(monitors).toEqual([
      expect.objectContaining({ name: 'web', group: 'shop', state: 'up', last: expect.objectContaining({ monitor: 'web', ok: true }) }),
      expect.objectContaining({ name: 'broken', group: null, state: 'down', last: expect.objectContaining({ ok: false }) }),
    ]);

    // Results reach the store in batches (flush_every 0.2 s).
    let results: Array<{ monitor: string; startedAt: string }> = [];
    for (let attempt = 0; attempt < 50 && results.length < 2; attempt += 1) {
      results = (await json('/api/v1/monitors/web/results?limit=2', TOKEN)).results;
      if (results.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(results).toHaveLength(2);
    expect(results[0].startedAt > results[1].startedAt).toBe(true);
    const incidents = (await json('/api/v1/monitors/broken/incidents', TOKEN)).incidents;
    expect(incidents[0]).toMatchObject({ error: { code: 'UNEXPECTED_STATUS' } });
    expect(incidents[0]).not.toHaveProperty('until');
    expect(await json('/api/v1/monitors/web/uptime?window=1y', TOKEN)).toMatchObject({ window: '1y', ratio: 1 });
    expect((await get('/api/v1/monitors/web/uptime?window=2y', TOKEN)).status).toBe(400);
    expect((await get('/api/v1/monitors/nope/results', TOKEN)).status).toBe(404);
    expect((await json('/api/v1/openapi.json', TOKEN)).openapi).toBe('3.1.0');

    const badge = await get('/badge/broken/status.svg');
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(elementsNamed(parseXml(await badge.text()), 'text').map(textOf)).toEqual(['broken', 'broken', 'down', 'down']);
    expect(await json('/badge/web/uptime/30d.json')).toMatchObject({ schemaVersion: 1, label: 'uptime 30d' });

    daemon.child.kill('SIGTERM');
    await daemon.exited();
    const printed = JSON.stringify(daemon.records) + daemon.junk.join('\n') + daemon.stderr();
    expect(printed).not.toContain(TOKEN);
  });
});
