import { apiAndBadgeRoutes } from '../../src/api/index.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import type { LiveMonitors } from '../../src/live/liveMonitors.js';
import type { MemoryStore } from '../../src/storage/memoryStore.js';
import { listenPerTest } from '../server/listen.js';
import { NASTY, NOW, apiFixture } from './fixtures.js';

const listen = listenPerTest();
let store: MemoryStore;
let live: LiveMonitors;
let web: CheckResult[];
let base: string;

beforeEach(async () => {
  ({ store, live, web } = await apiFixture());
  base = (await listen(apiAndBadgeRoutes({ store, live, now: () => NOW }))).url;
});

async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(new URL(path, base));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), headers: response.headers };
}

describe('GET /api/v1/monitors', () => {
  it('lists every configured monitor with its state, last result and uptime, as JSON never cached', async () => {
    const { status, body, headers } = await get('/api/v1/monitors');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.monitors.map((monitor: { name: string }) => monitor.name)).toEqual(['web', 'slow', 'fresh', NASTY]);
    expect(body.monitors[0]).toEqual({
      name: 'web',
      group: 'public',
      state: 'down',
      since: new Date(NOW - 5 * 60_000).toISOString(),
      maintenance: null,
      last: web.at(-1),
      uptime: { '24h': 0.9, '7d': 0.9, '30d': 0.9 },
    });
    expect(body.monitors[1]).toMatchObject({ name: 'slow', group: null, state: 'up', uptime: { '24h': 1, '7d': 1, '30d': 1 } });
    expect(body.monitors[2]).toEqual({ name: 'fresh', group: null, state: 'pending', since: null, maintenance: null, last: null, uptime: { '24h': null, '7d': null, '30d': null } });
  });

  it('still lists the monitors (uptime null) when the store does not answer', async () => {
    store.uptime = () => Promise.reject(new Error('away'));
    const fresh = (await listen(apiAndBadgeRoutes({ store, live, now: () => NOW }))).url;
    const response = await fetch(new URL('/api/v1/monitors', fresh));
    const body = (await response.json()) as any;
    expect(response.status).toBe(200);
    expect(body.monitors[0]).toMatchObject({ name: 'web', state: 'down', uptime: { '24h': null, '7d': null, '30d': null } });
  });

  it('serves one monitor at /api/v1/monitors/<name>', async () => {
    const { status, body } = await get('/api/v1/monitors/slow');
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'slow', state: 'up' });
  });
});

describe('GET /api/v1/monitors/<name>/results', () => {
  it('pages through 250 results newest first with the cursor, 100 at a time', async () => {
    const seen: CheckResult[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const { status, body } = await get(`/api/v1/monitors/web/results${cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`}`);
      expect(status).toBe(200);
      pages.push(body.results.length);
      seen.push(...body.results);
      cursor = body.next;
    } while (cursor !== undefined);
    expect(pages).toEqual([100, 100, 50]);
    expect(seen).toEqual([...web].reverse());
  });

  it('keeps to since, until and limit (ISO or ms)', async () => {
    const since = new Date(NOW - 30 * 60_000).toISOString();
    const until = NOW - 10 * 60_000;
    const { body } = await get(`/api/v1/monitors/web/results?since=${since}&until=${until}&limit=5`);
    expect(body.results.map((result: CheckResult) => result.startedAt)).toEqual(
      [11, 12, 13, 14, 15].map((minutes) => new Date(NOW - minutes * 60_000).toISOString()),
    );
    expect(typeof body.next).toBe('string');
    const all = await get(`/api/v1/monitors/web/results?since=${since}&until=${until}&limit=1000`);
    expect(all.body.results).toHaveLength(20);
    expect(all.body).not.toHaveProperty('next');
  });

  it('answers for a monitor removed from the config that still has history', async () => {
    const { status, body } = await get('/api/v1/monitors/gone/results');
    expect(status).toBe(200);
    expect(body.results).toHaveLength(3);
  });

  it('answers an empty page for a configured monitor without results', async () => {
    expect(await get('/api/v1/monitors/fresh/results')).toMatchObject({ status: 200, body: { results: [] } });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=5000', 'limit'],
    ['since=soon', 'since'],
    ['until=x', 'until'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('answers 400 for %s, naming %s', async (query, name) => {
    const { status, body, headers } = await get(`/api/v1/monitors/web/results?${query}`);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.error).toMatch(new RegExp(`^${name}: `));
  });
});

describe('GET /api/v1/monitors/<name>/incidents', () => {
  it('pairs downs with the ups after them, newest first, the open one without until', async () => {
    const at = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
    expect(await get('/api/v1/monitors/web/incidents')).toMatchObject({
      status: 200,
      body: {
        incidents: [
          { since: at(5), error: { code: 'TIMEOUT', message: 'TIMEOUT <after 5 s>' } },
          { since: at(200), until: at(190), error: { code: 'ECONNREFUSED', message: 'ECONNREFUSED <after 5 s>' } },
        ],
      },
    });
    const { body } = await get('/api/v1/monitors/web/incidents');
    expect(body.incidents[0]).not.toHaveProperty('until');
  });

  it('is empty for a monitor that never went down', async () => {
    expect(await get('/api/v1/monitors/slow/incidents')).toMatchObject({ status: 200, body: { incidents: [] } });
  });
});

describe('GET /api/v1/monitors/<name>/uptime', () => {
  it.each([
    ['30d', 0.9, 250, 225],
    // Hourly buckets: the window starts at the top of the hour it begins in (11:00 for 12:30 − 1 h).
    ['1h', 0.9, 90, 81],
    ['1y', 0.9, 250, 225],
  ])('answers the %s window', async (window, ratio, checks, ok) => {
    expect(await get(`/api/v1/monitors/web/uptime?window=${window}`)).toEqual(
      expect.objectContaining({ status: 200, body: { window, ratio, checks, ok } }),
    );
  });

  it('defaults to 24h', async () => {
    expect((await get('/api/v1/monitors/slow/uptime')).body).toEqual({ window: '24h', ratio: 1, checks: 10, ok: 10 });
  });

  it('says null, not NaN, without checks', async () => {
    expect((await get('/api/v1/monitors/fresh/uptime?window=7d')).body).toEqual({ window: '7d', ratio: null, checks: 0, ok: 0 });
  });

  it.each(['2d', '', '30D', 'toString'])('answers 400 for window=%j', async (window) => {
    expect(await get(`/api/v1/monitors/web/uptime?window=${window}`)).toMatchObject({
      status: 400,
      body: { error: 'window: expected one of 1h, 24h, 7d, 30d, 90d, 1y' },
    });
  });
});

describe('unknown monitors and paths', () => {
  it.each(['/api/v1/monitors/nope/results', '/api/v1/monitors/nope/incidents', '/api/v1/monitors/nope/uptime', '/api/v1/monitors/nope'])(
    'answers 404 with a JSON error for %s',
    async (path) => {
      const { status, body, headers } = await get(path);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(body).toEqual({ error: 'unknown monitor: nope' });
    },
  );

  it.each(['/api/v1/monitors/web/other', '/api/v1/monitors/web/results/x', '/api/v1/monitors//results'])('answers 404 for %s', async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(body.error).toMatch(/^not found/);
  });

  it('decodes %xx names and keeps them as text in JSON', async () => {
    const { status, body } = await get(`/api/v1/monitors/${encodeURIComponent(NASTY)}/results`);
    expect(status).toBe(200);
    expect(body.results[0].monitor).toBe(NASTY);
    const missing = await fetch(new URL(`/api/v1/monitors/${encodeURIComponent('<b>x</b>')}/results`, base));
    expect(missing.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await missing.json()) as unknown).toEqual({ error: 'unknown monitor: <b>x</b>' });
  });

  it('answers 503 with a JSON error when the store does not answer', async () => {
    store.results = () => Promise.reject(new Error('postgres://user:secret@db/ is away'));
    const { status, body } = await get('/api/v1/monitors/web/results');
    expect(status).toBe(503);
    expect(body).toEqual({ error: 'store unavailable' });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the document', async () => {
    const { status, body } = await get('/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toContain('/api/v1/monitors/{name}/results');
  });
});
