import { Registry } from 'prom-client';
import { VirtualTimeScheduler } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import { HeartbeatMonitor } from '../../src/heartbeat/heartbeatMonitor.js';
import { PingHub } from '../../src/heartbeat/pingHub.js';
import { registerHeartbeatMetrics } from '../../src/metrics/heartbeatMetrics.js';
import { guardRoutes } from '../../src/api/authGuard.js';
import { pingRoutes } from '../../src/server/pingRoutes.js';
import { heartbeatSpec, TOKEN } from '../heartbeat/fixtures.js';
import { listenPerTest } from './listen.js';

/** A heartbeat monitor `backup` listening on a hub, its results collected, the clock in our hands. */
function running() {
  const hub = new PingHub();
  // Virtual time: `now()` is what we set; deadlines (1 h away) never fire in these tests.
  const scheduler = new VirtualTimeScheduler();
  const results: CheckResult[] = [];
  const subscription = new HeartbeatMonitor(heartbeatSpec(3_600_000, 60_000), { hub, scheduler }).results$.subscribe((result) => results.push(result));
  const registry = new Registry();
  const metrics = registerHeartbeatMetrics(registry);
  return { hub, scheduler, results, subscription, registry, routes: pingRoutes({ hub, onRejected: (reason) => metrics.rejectedPing(reason) }) };
}

async function rejectedCounts(registry: Registry): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric('rxmon_heartbeat_rejected_pings_total')!.get();
  return Object.fromEntries(metric.values.map(({ labels, value }) => [String(labels.reason), value]));
}

describe('pingRoutes', () => {
  const listen = listenPerTest();
  const stops: Array<() => void> = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  async function serve() {
    const monitor = running();
    stops.push(() => monitor.subscription.unsubscribe());
    const server = await listen(monitor.routes);
    const send = async (method: string, path: string, body?: string) => {
      const response = await fetch(new URL(path, server.url), { method, body });
      return { status: response.status, text: await response.text() };
    };
    return { ...monitor, send };
  }

  describe('when the name and token are right', () => {
    it('answers 200 to GET and POST (body ignored) and HEAD, each an ok result with its method', async () => {
      const { send, results } = await serve();
      expect(await send('GET', `/ping/backup/${TOKEN}`)).toEqual({ status: 200, text: 'OK\n' });
      expect(await send('POST', `/ping/backup/${TOKEN}`, 'log lines of the job')).toEqual({ status: 200, text: 'OK\n' });
      expect((await send('HEAD', `/ping/backup/${TOKEN}`)).status).toBe(200);
      expect(results.map(({ method, ok, url, durationMs }) => ({ method, ok, url, durationMs }))).toEqual([
        { method: 'GET', ok: true, url: '/ping/backup/***', durationMs: 0 },
        { method: 'POST', ok: true, url: '/ping/backup/***', durationMs: 0 },
        { method: 'HEAD', ok: true, url: '/ping/backup/***', durationMs: 0 },
      ]);
    });

    it('makes /fail a failed result at once', async () => {
      const { send, results } = await serve();
      expect((await send('POST', `/ping/backup/${TOKEN}/fail`)).status).toBe(200);
      expect(results).toEqual([expect.objectContaining({ ok: false, method: 'POST', error: { code: 'HEARTBEAT_FAILED', message: 'the job reported a failure (/fail)' } })]);
    });

    it('measures the job from /start to its end, and /start alone makes no result', async () => {
      const { send, results, scheduler } = await serve();
      scheduler.frame = Date.parse('2026-01-01T03:00:00Z');
      expect((await send('GET', `/ping/backup/${TOKEN}/start`)).status).toBe(200);
      expect(results).toEqual([]);
      scheduler.frame += 93_500;
      await send('GET', `/ping/backup/${TOKEN}`);
      scheduler.frame += 1_000;
      await send('GET', `/ping/backup/${TOKEN}/start`);
      scheduler.frame += 2_000;
      await send('GET', `/ping/backup/${TOKEN}/fail`);
      expect(results.map(({ ok, durationMs, startedAt }) => ({ ok, durationMs, startedAt }))).toEqual([
        { ok: true, durationMs: 93_500, startedAt: '2026-01-01T03:01:33.500Z' },
        { ok: false, durationMs: 2_000, startedAt: '2026-01-01T03:01:36.500Z' },
      ]);
    });
  });

  describe('when the ping is refused', () => {
    it.each([
      { name: 'a wrong token', path: '/ping/backup/0123456789abcdef0123', reason: 'wrong_token' },
      { name: 'a wrong token on /fail', path: '/ping/backup/0123456789abcdef0123/fail', reason: 'wrong_token' },
      { name: 'an unknown name', path: `/ping/nightly/${TOKEN}`, reason: 'unknown_monitor' },
      { name: 'no token', path: '/ping/backup', reason: 'bad_path' },
      { name: 'an unknown action', path: `/ping/backup/${TOKEN}/finish`, reason: 'bad_path' },
      { name: 'too deep a path', path: `/ping/backup/${TOKEN}/fail/now`, reason: 'bad_path' },
    ])('answers 404 to $name, counts it by reason, and makes no result', async ({ path, reason }) => {
      const { send, results, registry } = await serve();
      expect(await send('GET', path)).toEqual({ status: 404, text: 'not found\n' });
      expect(results).toEqual([]);
      const counts = await rejectedCounts(registry);
      expect(counts).toEqual({ unknown_monitor: 0, wrong_token: 0, bad_path: 0, [reason]: 1 });
    });

    it('never echoes the token it was sent', async () => {
      const { send } = await serve();
      const answer = await send('POST', `/ping/backup/${TOKEN}x/fail`);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain(TOKEN);
    });

    it('answers 405 to other methods', async () => {
      const { send } = await serve();
      expect((await send('PUT', `/ping/backup/${TOKEN}`)).status).toBe(405);
    });
  });

  describe('beside routes guarded by server.auth', () => {
    it('needs no credentials (the token is the credential) while the guarded routes still do', async () => {
      const monitor = running();
      stops.push(() => monitor.subscription.unsubscribe());
      const guarded = guardRoutes({ 'GET /metrics': (_req, res) => void res.end('m') }, { auth: { bearer: 'server-bearer-token' } });
      const server = await listen({ ...guarded, ...monitor.routes });
      expect((await fetch(new URL(`/ping/backup/${TOKEN}`, server.url))).status).toBe(200);
      expect((await fetch(new URL('/metrics', server.url))).status).toBe(401);
      expect(monitor.results).toHaveLength(1);
    });
  });
});
