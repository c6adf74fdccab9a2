import { type RouteHandler, findRoute, restOfPath } from '../../src/server/routes.js';

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

describe('findRoute with prefix keys', () => {
  const monitor: RouteHandler = () => undefined;
  const list: RouteHandler = () => undefined;
  const badge: RouteHandler = () => undefined;
  const deeper: RouteHandler = () => undefined;
  const table = {
    'GET /api/v1/monitors': list,
    'GET /api/v1/monitors/*': monitor,
    'GET /api/v1/monitors/special/*': deeper,
    'GET /badge/*': badge,
    'POST /-/reload': postReload,
  };

  it.each([
    ['GET', '/api/v1/monitors', list],
    ['GET', '/api/v1/monitors/web', monitor],
    ['GET', '/api/v1/monitors/web/results', monitor],
    ['HEAD', '/api/v1/monitors/web/uptime', monitor],
    ['GET', '/api/v1/monitors/special/x', deeper],
    ['GET', '/badge/web/uptime/30d.svg', badge],
  ])('finds %s %s', (method, path, handler) => {
    expect(findRoute(table, method, path)).toEqual({ kind: 'found', handler });
  });

  it.each([
    ['GET', '/api/v1/monitors/'],
    ['GET', '/api/v1/monitor'],
    ['GET', '/badge'],
    ['GET', '/badge/'],
    ['GET', '/badges/web'],
    ['GET', '/-/reload/x'],
  ])('does not find %s %s', (method, path) => {
    expect(findRoute(table, method, path)).toEqual({ kind: 'notFound' });
  });

  it('answers another method on a prefix path with method not allowed', () => {
    expect(findRoute(table, 'DELETE', '/api/v1/monitors/web')).toEqual({ kind: 'methodNotAllowed', allow: ['GET', 'HEAD'] });
  });

  it('keeps exact keys exact: a prefix key does not change what they answer', () => {
    expect(findRoute({ ...routes, 'GET /metrics/*': monitor }, 'GET', '/metrics')).toEqual({ kind: 'found', handler: getMetrics });
    expect(findRoute({ ...routes, 'GET /metrics/*': monitor }, 'POST', '/metrics')).toEqual({ kind: 'methodNotAllowed', allow: ['GET', 'HEAD'] });
  });
});

describe('restOfPath', () => {
  it.each([
    ['/api/v1/monitors/web/results', '/api/v1/monitors/', ['web', 'results']],
    ['/api/v1/monitors/my%2Dapi/uptime', '/api/v1/monitors/', ['my-api', 'uptime']],
    ['/badge/a%3Cb%3E/status.svg', '/badge/', ['a<b>', 'status.svg']],
    ['/badge/', '/badge/', undefined],
    ['/other/x', '/badge/', undefined],
    ['/badge/%E0%A4%A/status.svg', '/badge/', undefined],
  ])('splits %s below %s into %j', (path, prefix, rest) => {
    expect(restOfPath(path, prefix)).toEqual(rest);
  });
});
