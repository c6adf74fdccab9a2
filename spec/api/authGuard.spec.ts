import { authGuard, guardRoutes, hasCredentials, publicPaths } from '../../src/api/authGuard.js';
import type { RouteHandler } from '../../src/server/routes.js';
import { sendText } from '../../src/server/sendText.js';
import { listenPerTest } from '../server/listen.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('hasCredentials', () => {
  const bearer = { bearer: 's3cret-token' };
  const login = { username: 'ops', password: 'pa:ss wörd' };

  it.each([
    ['the right token', bearer, 'Bearer s3cret-token', true],
    ['the scheme in any case', bearer, 'bearer s3cret-token', true],
    ['a wrong token of the same length', bearer, 'Bearer s3cret-tokeN', false],
    ['a shorter token', bearer, 'Bearer s3cret', false],
    ['a longer token', bearer, 'Bearer s3cret-token-and-more', false],
    ['no header', bearer, undefined, false],
    ['an empty header', bearer, '', false],
    ['Basic for a bearer', bearer, basic('x', 's3cret-token'), false],
    ['the token without a scheme', bearer, 's3cret-token', false],
    ['the right login', login, basic('ops', 'pa:ss wörd'), true],
    ['a wrong password', login, basic('ops', 'pa:ss word'), false],
    ['a wrong username', login, basic('op', 'pa:ss wörd'), false],
    ['no colon', login, `Basic ${Buffer.from('ops').toString('base64')}`, false],
    ['Bearer for a login', login, 'Bearer pa:ss wörd', false],
    ['garbage base64', login, 'Basic %%%', false],
  ])('%s: %s', (_what, auth, header, expected) => {
    expect(hasCredentials(auth, header)).toBe(expected);
  });
});

describe('publicPaths', () => {
  it.each([
    ['/healthz', true, true],
    ['/badge/web/status.svg', true, true],
    ['/badge/web/uptime/30d.json', true, true],
    ['/', false, true],
    ['/events', false, true],
    ['/monitors/web', false, true],
    ['/assets/page.css', false, true],
    ['/metrics', false, false],
    ['/-/reload', false, false],
    ['/api/v1/monitors', false, false],
    ['/api/v1/openapi.json', false, false],
    ['/api', false, false],
  ])('%s: public %s, with a public page %s', (path, closed, open) => {
    expect(publicPaths({ publicPage: false })(path)).toBe(closed);
    expect(publicPaths({ publicPage: true })(path)).toBe(open);
  });
});

describe('authGuard on the listener', () => {
  const listen = listenPerTest();
  const hello: RouteHandler = (_req, res) => sendText(res, 200, 'hello');
  const routes = { 'GET /healthz': hello, 'GET /metrics': hello, 'GET /': hello, 'GET /badge/*': hello, 'GET /api/v1/monitors': hello };

  async function get(base: string, path: string, authorization?: string) {
    const response = await fetch(new URL(path, base), { headers: authorization === undefined ? {} : { authorization } });
    return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.text(), type: response.headers.get('content-type') };
  }

  it('asks for a bearer token with 401 and WWW-Authenticate, and lets the right one in', async () => {
    const server = await listen(guardRoutes(routes, { auth: { bearer: 'tok' } }));
    expect(await get(server.url, '/metrics')).toEqual({
      status: 401,
      challenge: 'Bearer realm="rxmon"',
      body: '{"error":"authentication required"}',
      type: 'application/json; charset=utf-8',
    });
    expect(await get(server.url, '/api/v1/monitors', 'Bearer tik')).toMatchObject({ status: 401, body: '{"error":"invalid credentials"}' });
    expect(await get(server.url, '/', 'Bearer tok')).toMatchObject({ status: 200, body: 'hello\n' });
    expect(await get(server.url, '/api/v1/monitors', 'Bearer tok')).toMatchObject({ status: 200 });
    expect(await get(server.url, '/')).toMatchObject({ status: 401 });
  });

  it('keeps /healthz and the badges public, and the page when asked', async () => {
    const closed = await listen(guardRoutes(routes, { auth: { username: 'u', password: 'p' } }));
    expect(await get(closed.url, '/healthz')).toMatchObject({ status: 200 });
    expect(await get(closed.url, '/badge/web/status.svg')).toMatchObject({ status: 200 });
    expect(await get(closed.url, '/')).toMatchObject({ status: 401, challenge: 'Basic realm="rxmon", charset="UTF-8"' });
    expect(await get(closed.url, '/', basic('u', 'p'))).toMatchObject({ status: 200 });
    const open = await listen(guardRoutes(routes, { auth: { username: 'u', password: 'p' }, publicPage: true }));
    expect(await get(open.url, '/')).toMatchObject({ status: 200 });
    expect(await get(open.url, '/metrics')).toMatchObject({ status: 401 });
    expect(await get(open.url, '/api/v1/monitors')).toMatchObject({ status: 401 });
  });

  it('changes nothing without auth', () => {
    expect(guardRoutes(routes, {})).toBe(routes);
  });

  it('guards any handler given the public test', async () => {
    const guard = authGuard({ auth: { bearer: 'x' }, isPublic: (path) => path === '/open' });
    const server = await listen({ 'GET /open': guard(hello), 'GET /shut': guard(hello) });
    expect((await get(server.url, '/open')).status).toBe(200);
    expect((await get(server.url, '/shut')).status).toBe(401);
  });
});
