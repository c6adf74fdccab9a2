import { createMetrics } from '../../src/metrics/createMetrics.js';
import { metricsRoute } from '../../src/server/metricsRoute.js';
import { checkResult } from '../metrics/fixtures.js';
import { listenPerTest } from './listen.js';

describe('metricsRoute (GET /metrics)', () => {
  const listen = listenPerTest();

  it('serves the registry in Prometheus text format with its content type', async () => {
    const metrics = createMetrics({ shard: '2/3' });
    metrics.observe(checkResult());
    const server = await listen({ 'GET /metrics': metricsRoute(metrics.registry) });

    const response = await fetch(new URL('metrics', server.url));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = await response.text();
    expect(body).toContain('# TYPE probe_success gauge');
    expect(body).toContain('probe_success{monitor="api",url="http://127.0.0.1:8080/health",shard="2/3"} 1');
    expect(body).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('shows each scrape the values of that moment', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const server = await listen({ 'GET /metrics': metricsRoute(metrics.registry) });
    metrics.setMonitorCount(1);
    expect(await (await fetch(new URL('metrics', server.url))).text()).toContain('rxmon_monitors 1\n');
    metrics.setMonitorCount(5);
    expect(await (await fetch(new URL('metrics', server.url))).text()).toContain('rxmon_monitors 5\n');
  });
});
