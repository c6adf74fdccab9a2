import { type RouteHandler, findRoute } from '../../src/server/routes.js';

const getMetrics: RouteHandler = () => undefined;
const postReload: RouteHandler = () => undefined;
const routes = { 'GET /metrics': getMetrics, 'POST /-/reload': postReload };

describe('findRoute', () => {
  it.each([
    ['GET', '/metrics', getMetrics],
    ['HEAD', '/metrics', getMetrics],
    ['POST', '/-/reload', postReload],
  ])('finds %s %s', (method, path, handler) => {
    expect(findRoute(routes, method, path)).toEqual({ kind: 'found', handler });
  });

  it.each([
    ['POST', '/metrics', ['GET', 'HEAD']],
    ['DELETE', '/metrics', ['GET', 'HEAD']],
    ['GET', '/-/reload', ['POST']],
    ['HEAD', '/-/reload', ['POST']],
  ])('answers %s %s with method not allowed, allowing %j', (method, path, allow) => {
    expect(findRoute(routes, method, path)).toEqual({ kind: 'methodNotAllowed', allow });
  });

  it.each([
    ['GET', '/'],
    ['GET', '/metrics/'],
    ['GET', '/METRICS'],
    ['GET', '/toString'],
    ['GET', 'constructor'],
  ])('does not find %s %s', (method, path) => {
    expect(findRoute(routes, method, path)).toEqual({ kind: 'notFound' });
  });
});
