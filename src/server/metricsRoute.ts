import type { Registry } from 'prom-client';
import type { RouteHandler } from './routes.js';

/**
 * `GET /metrics`: the registry in Prometheus text format, with the registry's content type.
 *
 * @param registry The registry to expose (rxmon's, from `createMetrics`).
 * @returns The route handler.
 */
export function metricsRoute(registry: Registry): RouteHandler {
  return async (_req, res) => {
    const body = await registry.metrics();
    res.writeHead(200, {
      'Content-Type': registry.contentType,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
}
