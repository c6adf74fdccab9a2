import { createMetrics } from '../../src/metrics/createMetrics.js';
import { operationalRoutes } from '../../src/server/operationalRoutes.js';
import { listenPerTest } from './listen.js';

describe('operationalRoutes', () => {
  const listen = listenPerTest();
  const registry = createMetrics({ processMetrics: false }).registry;

  it('serves /metrics, /healthz and /-/reload on one listener', async () => {
    const server = await listen(
      operationalRoutes({ registry, isRunning: () => true, reload: async () => ({ ok: true, message: 'reloaded' }) }),
    );
    const statusOf = async (method: string, path: string) => (await fetch(new URL(path, server.url), { method })).status;
    expect(await statusOf('GET', 'metrics')).toBe(200);
    expect(await statusOf('GET', 'healthz')).toBe(200);
    expect(await statusOf('POST', '-/reload')).toBe(200);
    expect(await statusOf('GET', '-/reload')).toBe(405);
    expect(await statusOf('POST', 'metrics')).toBe(405);
    expect(await statusOf('GET', '')).toBe(404);
  });

  it('has no reload route without a reload callback', async () => {
    expect(Object.keys(operationalRoutes({ registry, isRunning: () => true }))).toEqual(['GET /metrics', 'GET /healthz']);
  });

  it('leaves room for more routes, such as the status page', async () => {
    const server = await listen({
      ...operationalRoutes({ registry, isRunning: () => true }),
      'GET /': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<h1>status</h1>');
      },
    });
    expect(await (await fetch(server.url)).text()).toBe('<h1>status</h1>');
    expect((await fetch(new URL('healthz', server.url))).status).toBe(200);
  });
});
