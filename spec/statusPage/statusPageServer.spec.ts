import { request } from 'node:http';
import { Subject } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import { createStatusPage } from '../../src/statusPage/createStatusPage.js';
import { sseResponse } from '../../src/statusPage/sseResponse.js';
import type { CheckEvent, StatusEvent } from '../../src/statusPage/statusEvents.js';
import { listenPerTest } from '../server/listen.js';
import { makeResult, makeSpec } from '../support/specs.js';
import { openSse } from './sseClient.js';

const listen = listenPerTest();

async function get(url: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

function until(predicate: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error('timed out'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

const checks = (events: unknown[]) => (events as StatusEvent[]).filter((event): event is CheckEvent => event.type === 'check');

describe('the status page on a real listener', () => {
  let results$: Subject<CheckResult>;
  let page: ReturnType<typeof createStatusPage>;

  beforeEach(() => {
    results$ = new Subject<CheckResult>();
    page = createStatusPage({
      monitors: [makeSpec({ name: 'api', failureThreshold: 1 }), makeSpec({ name: 'web', url: 'http://bob:hunter2@127.0.0.1:1/' })],
      historySize: 20,
    });
    page.follow(results$);
  });
  afterEach(() => page.stop());

  it('serves the page at GET / as HTML, with its CSP, every monitor listed and passwords masked', async () => {
    const server = await listen(page.routes);
    results$.next(makeResult({ monitor: 'api', ok: false, status: 500, error: { code: 'UNEXPECTED_STATUS', message: 'status <500>' } }));
    const { status, headers, body } = await get(server.url);
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['cache-control']).toBe('no-store');
    expect(body).toContain('data-monitor="api" data-state="down"');
    expect(body).toContain('data-monitor="web" data-state="pending"');
    expect(body).toContain('status &lt;500&gt;');
    expect(body).toContain('http://bob:***@127.0.0.1:1/');
    expect(body).not.toContain('hunter2');
  });

  it('streams GET /events: the monitor list and the latest checks first, then each check as it happens', async () => {
    const server = await listen(page.routes);
    results$.next(makeResult({ monitor: 'web' }));
    const client = await openSse(`${server.url}events`);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await client.waitFor(() => checks(client.events).length === 1);
    expect(client.events[0]).toEqual({ type: 'monitors', monitors: ['api', 'web'] });
    expect(checks(client.events)[0]).toMatchObject({ monitor: 'web', state: 'pending', ok: true });

    results$.next(makeResult({ monitor: 'api', ok: false, status: 503, durationMs: 12, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } }));
    await client.waitFor(() => checks(client.events).length === 2);
    expect(checks(client.events)[1]).toMatchObject({
      monitor: 'api',
      state: 'down',
      ok: false,
      status: 503,
      latencyMs: 12,
      error: { code: 'UNEXPECTED_STATUS', message: 'status 503' },
      uptime: { lastHour: 0, lastDay: 0 },
    });
    client.close();
  });

  it('tells clients about a reload', async () => {
    const server = await listen(page.routes);
    const client = await openSse(`${server.url}events`);
    page.setMonitors([makeSpec({ name: 'api', failureThreshold: 1 })]);
    await client.waitFor(() => client.events.length === 2);
    expect(client.events[1]).toEqual({ type: 'monitors', monitors: ['api'] });
    client.close();
  });

  it('ends every /events response on stop(), so shutdown does not wait for browsers', async () => {
    const server = await listen(page.routes);
    const client = await openSse(`${server.url}events`);
    await client.waitFor(() => client.events.length === 1);
    page.stop();
    await client.ended;
  });

  it('answers HEAD /events with the headers only', async () => {
    const server = await listen(page.routes);
    const { status, headers, body } = await get(`${server.url}events`, 'HEAD');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(body).toBe('');
  });
});

describe('sseResponse', () => {
  it('subscribes per client and unsubscribes when the client goes away', async () => {
    const events$ = new Subject<{ n: number }>();
    const server = await listen({ 'GET /events': (_req, res) => void sseResponse(res, events$) });
    const client = await openSse(`${server.url}events`);
    await until(() => events$.observed);
    events$.next({ n: 1 });
    await client.waitFor(() => client.events.length === 1);
    expect(client.events).toEqual([{ n: 1 }]);

    client.close();
    await until(() => !events$.observed);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const events$ = new Subject<unknown>();
    const server = await listen({ 'GET /events': (_req, res) => void sseResponse(res, events$, { heartbeatMs: 20 }) });
    const client = await openSse(`${server.url}events`);
    await client.waitFor(() => client.comments.includes('heartbeat'));
    client.close();
  });

  it('ends the response when the stream completes', async () => {
    const events$ = new Subject<unknown>();
    const server = await listen({ 'GET /events': (_req, res) => void sseResponse(res, events$) });
    const client = await openSse(`${server.url}events`);
    await until(() => events$.observed);
    events$.next('last');
    events$.complete();
    await client.ended;
    expect(client.events).toEqual(['last']);
  });
});
