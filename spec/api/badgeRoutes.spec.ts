import { apiAndBadgeRoutes } from '../../src/api/index.js';
import { BADGE_COLORS } from '../../src/api/badgeColors.js';
import { parseBadgePath } from '../../src/api/badgeRoutes.js';
import { listenPerTest } from '../server/listen.js';
import { elementsNamed, parseXml, textOf } from '../support/xmlCheck.js';
import { NASTY, NOW, apiFixture } from './fixtures.js';

const listen = listenPerTest();
let base: string;

beforeEach(async () => {
  const { store, live } = await apiFixture();
  base = (await listen(apiAndBadgeRoutes({ store, live, now: () => NOW }))).url;
});

async function svgBadge(path: string) {
  const response = await fetch(new URL(path, base));
  const text = await response.text();
  const root = parseXml(text);
  const texts = elementsNamed(root, 'text').map(textOf);
  const fills = elementsNamed(root, 'rect').map((rect) => rect.attributes.fill);
  return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), label: texts[0], message: texts[2], color: fills[2], root, text };
}

async function jsonBadge(path: string) {
  const response = await fetch(new URL(path, base));
  return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), body: (await response.json()) as any };
}

describe('the badges', () => {
  it.each([
    ['/badge/web/status.svg', 'web', 'down', BADGE_COLORS.red],
    ['/badge/slow/status.svg', 'slow', 'up', BADGE_COLORS.brightgreen],
    ['/badge/fresh/status.svg', 'fresh', 'pending', BADGE_COLORS.grey],
    ['/badge/gone/status.svg', 'gone', 'unknown', BADGE_COLORS.grey],
    ['/badge/web/uptime/30d.svg', 'uptime 30d', '90%', BADGE_COLORS.orange],
    ['/badge/slow/uptime/24h.svg', 'uptime 24h', '100%', BADGE_COLORS.brightgreen],
    ['/badge/fresh/uptime/7d.svg', 'uptime 7d', 'no data', BADGE_COLORS.grey],
    ['/badge/web/response-time/24h.svg', 'response time 24h', '225 ms', BADGE_COLORS.green],
    ['/badge/slow/response-time/1y.svg', 'response time 1y', '1.50 s', BADGE_COLORS.orange],
    ['/badge/slow/status.svg?label=Checkout', 'Checkout', 'up', BADGE_COLORS.brightgreen],
  ])('%s says %s: %s', async (path, label, message, color) => {
    const badge = await svgBadge(path);
    expect(badge).toMatchObject({ status: 200, type: 'image/svg+xml; charset=utf-8', cache: 'public, max-age=60', label, message, color });
  });

  it('serves the shields.io endpoint JSON for each kind', async () => {
    expect(await jsonBadge('/badge/web/status.json')).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      cache: 'public, max-age=60',
      body: { schemaVersion: 1, label: 'web', message: 'down', color: 'red' },
    });
    expect((await jsonBadge('/badge/slow/shields.json')).body).toEqual({ schemaVersion: 1, label: 'slow', message: 'up', color: 'brightgreen' });
    expect((await jsonBadge('/badge/web/uptime/7d.json')).body).toEqual({ schemaVersion: 1, label: 'uptime 7d', message: '90%', color: 'orange' });
    expect((await jsonBadge('/badge/slow/response-time/30d.json')).body).toEqual({ schemaVersion: 1, label: 'response time 30d', message: '1.50 s', color: 'orange' });
  });

  it('renders a name with <script> and & as text in the SVG and the JSON', async () => {
    const badge = await svgBadge(`/badge/${encodeURIComponent(NASTY)}/status.svg`);
    expect(badge.status).toBe(200);
    expect(badge.label).toBe(NASTY);
    expect(elementsNamed(badge.root, 'script')).toEqual([]);
    expect(badge.text).not.toContain('<script>');
    expect(badge.text).toContain('a&lt;script&gt;alert(1)&lt;/script&gt;&amp;b');
    expect((await jsonBadge(`/badge/${encodeURIComponent(NASTY)}/status.json`)).body.label).toBe(NASTY);
    const labelled = await svgBadge(`/badge/slow/status.svg?label=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(elementsNamed(labelled.root, 'img')).toEqual([]);
    expect(labelled.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('answers an unknown monitor with a 404 badge, not cached', async () => {
    expect(await svgBadge('/badge/nope/status.svg')).toMatchObject({ status: 404, type: 'image/svg+xml; charset=utf-8', cache: 'no-store', message: 'not found' });
    expect(await jsonBadge('/badge/nope/uptime/30d.json')).toMatchObject({ status: 404, cache: 'no-store', body: { isError: true, error: 'unknown monitor: nope' } });
  });

  it('answers a bad window with 400 naming it', async () => {
    expect(await svgBadge('/badge/web/uptime/2w.svg')).toMatchObject({ status: 400, message: 'bad window' });
    expect((await jsonBadge('/badge/web/response-time/2w.json')).body).toMatchObject({ error: 'window: expected one of 1h, 24h, 7d, 30d, 90d, 1y' });
  });

  it.each(['/badge/web/status.png', '/badge/web', '/badge/web/latency/30d.svg', '/badge/web/uptime/30d/x.svg'])('answers 404 for %s', async (path) => {
    expect((await fetch(new URL(path, base))).status).toBe(404);
  });
});

describe('parseBadgePath', () => {
  it.each([
    [['web', 'status.svg'], { kind: 'status', name: 'web', format: 'svg' }],
    [['web', 'status.json'], { kind: 'status', name: 'web', format: 'json' }],
    [['web', 'shields.json'], { kind: 'status', name: 'web', format: 'json' }],
    [['uptime', 'uptime', '30d.svg'], { kind: 'uptime', name: 'uptime', window: '30d', format: 'svg' }],
    [['web', 'response-time', '1h.json'], { kind: 'response-time', name: 'web', window: '1h', format: 'json' }],
    [['web', 'shields.svg'], undefined],
    [['', 'status.svg'], undefined],
    [['web', 'status'], undefined],
  ])('reads %j', (rest, expected) => {
    expect(parseBadgePath(rest)).toEqual(expected);
  });
});
