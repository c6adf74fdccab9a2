import { request } from 'node:http';
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { CheckResult } from '../../src/check/checkResult.js';
import { LiveMonitors } from '../../src/live/liveMonitors.js';
import { createStatusPage, type StatusPage } from '../../src/statusPage/createStatusPage.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import { listenPerTest } from '../server/listen.js';
import { makeResult, makeSpec } from '../support/specs.js';
import { openSse } from './sseClient.js';

const listen = listenPerTest();

interface Got {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
  ms: number;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - start }));
    })
      .on('error', reject)
      .end();
  });
}

const NAMES = 10_000;
const nameOf = (i: number) => `m${String(i).padStart(5, '0')}`;
const specs = Array.from({ length: NAMES }, (_, i) => makeSpec({ name: nameOf(i), group: `team-${i % 20}`, url: `http://127.0.0.1:1/m/${nameOf(i)}` }));

function result(name: string, ok: boolean, extra: Partial<CheckResult> = {}): CheckResult {
  return makeResult({
    monitor: name,
    ok,
    startedAt: new Date().toISOString(),
    durationMs: 12,
    ...(ok ? {} : { status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } }),
    ...extra,
  });
}

function feed(live: LiveMonitors, name: string, ok: boolean, extra: Partial<CheckResult> = {}): void {
  live.apply({ result: result(name, ok, extra), track: { state: ok ? 'up' : 'down', streakOk: ok, streak: 1 }, since: new Date().toISOString() });
}

describe('the status page with 10,000 monitors on a real listener', () => {
  let live: LiveMonitors;
  let page: StatusPage;

  beforeEach(() => {
    live = new LiveMonitors(specs);
    for (let i = 0; i < NAMES; i += 1) feed(live, nameOf(i), i % 1_000 !== 7);
    page = createStatusPage({ live, store: new MemoryStore(), batchMs: 50, heartbeatMs: 60_000 });
  });
  afterEach(() => {
    page.stop();
    live.stop();
  });

  it('serves GET / small: every monitor a compact row, the down ones first, gzip when asked', async () => {
    const server = await listen(page.routes);
    const plain = await get(server.url);
    const zipped = await get(server.url, { 'Accept-Encoding': 'gzip, deflate' });
    const html = plain.body.toString('utf8');
    // Measured here, printed for the README's figures.
    console.log(`GET / at 10k: ${plain.body.length} bytes in ${plain.ms.toFixed(0)} ms; gzip ${zipped.body.length} bytes in ${zipped.ms.toFixed(0)} ms`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-security-policy']).toContain("default-src 'none'");
    expect(plain.body.length).toBeLessThan(1_500_000);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const unstamped = (text: string) => text.replace(/data-at="\d+"/, '').replace(/<span id="updated">[^<]*/, '');
    expect(unstamped(gunzipSync(zipped.body).toString('utf8'))).toBe(unstamped(html));
    expect(zipped.body.length).toBeLessThan(200_000);
    expect(html.match(/<tr data-i=/g)).toHaveLength(NAMES);
    expect(html.match(/<details class="group"/g)).toHaveLength(20);
    expect(html).toContain('<span id="down-count">10</span>');
    expect(html).toContain('10 of 10000 monitors down');
    expect(html.match(/<li class="down-card"/g)).toHaveLength(10);
  });

  it('sends each batch of changes to 50 clients as one small frame of deltas', async () => {
    const server = await listen(page.routes);
    const clients = await Promise.all(Array.from({ length: 50 }, () => openSse(`${server.url}events`)));
    feed(live, nameOf(42), false);
    feed(live, nameOf(43), true, { durationMs: 77.4 });
    await Promise.all(clients.map((client) => client.waitFor(() => client.events.length >= 1)));
    for (const client of clients) {
      expect(client.events[0]).toEqual({
        d: [
          { i: 42, s: 'down', st: 503, l: 12, e: 'UNEXPECTED_STATUS' },
          { i: 43, s: 'up', st: 200, l: 77 },
        ],
      });
      client.close();
    }
  });

  it('catches a client up on what changed since the page was rendered, and nothing more', async () => {
    const server = await listen(page.routes);
    const html = (await get(server.url)).body.toString('utf8');
    const at = /data-at="(\d+)"/.exec(html)![1];
    const v = /data-v="(\d+)"/.exec(html)![1];
    await new Promise((resolve) => setTimeout(resolve, 5));
    feed(live, nameOf(5), false);
    const client = await openSse(`${server.url}events?v=${v}&since=${Number(at) + 1}`);
    await client.waitFor(() => client.events.length >= 1);
    expect(client.events[0]).toEqual({ d: [{ i: 5, s: 'down', st: 503, l: 12, e: 'UNEXPECTED_STATUS' }] });
    client.close();
  });

  it('tells a page of an older monitor list to reload', async () => {
    const server = await listen(page.routes);
    live.setMonitors(specs.slice(0, 10));
    const raw = await rawSse(server.port, '/events?v=1&since=1');
    expect(raw).toContain('event: reload');
  });

  it('cuts off a client that never reads, and the others keep receiving', async () => {
    page.stop();
    page = createStatusPage({ live, store: new MemoryStore(), batchMs: 5, heartbeatMs: 60_000, maxBufferedBytes: 64 * 1024 });
    const server = await listen(page.routes);
    const reader = await openSse(`${server.url}events`);
    // A client that sends its request and never reads a byte.
    const stuck = connect(server.port, '127.0.0.1');
    stuck.write('GET /events HTTP/1.1\r\nHost: x\r\n\r\n');
    stuck.pause();
    let stuckClosed = false;
    stuck.on('close', () => (stuckClosed = true));
    stuck.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // About 1,000 deltas per frame: megabytes within a second, more than any socket buffer holds.
    const flood = setInterval(() => {
      for (let i = 0; i < 1_000; i += 1) feed(live, nameOf((i * 7) % NAMES), i % 2 === 0);
    }, 5);
    try {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const before = reader.events.length;
      await reader.waitFor(() => reader.events.length > before + 3);
    } finally {
      clearInterval(flood);
    }
    // The stuck client only notices once it reads: what it got, then the cut.
    let got = 0;
    stuck.on('data', (chunk: Buffer) => (got += chunk.length));
    stuck.resume();
    await waitUntil(() => stuckClosed, 10_000);
    expect(reader.response.destroyed).toBe(false);
    const more = reader.events.length;
    feed(live, nameOf(1), false);
    await reader.waitFor(() => reader.events.length > more);
    expect(got).toBeGreaterThan(0);
    reader.close();
  }, 30_000);

  it('serves a monitor page, and a 404 page for an unknown name', async () => {
    const server = await listen(page.routes);
    const found = await get(`${server.url}monitors/${nameOf(7)}`);
    expect(found.status).toBe(200);
    expect(found.body.toString()).toContain('<svg class="chart"');
    const byQuery = await get(`${server.url}monitor?name=${nameOf(7)}`);
    expect(byQuery.status).toBe(200);
    const missing = await get(`${server.url}monitor?name=${encodeURIComponent('<script>x</script>')}`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('ends every /events response on stop(), so shutdown does not wait for browsers', async () => {
    const server = await listen(page.routes);
    const client = await openSse(`${server.url}events`);
    page.stop();
    await client.ended;
  });
});

function waitUntil(predicate: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => (predicate() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(poll, 10));
    poll();
  });
}

function rawSse(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n\n') && text.includes('data:')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
  });
}
