import type { IncomingHttpHeaders } from 'node:http';
import type { PhaseTimings } from '../../src/check/checkResult.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import type { HttpOutcome } from '../../src/http/httpClient.js';
import { generateCert } from '../support/certs.js';
import { startHttpServer, startHttpsServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

const client = new AxiosHttpClient();

function request(overrides: Partial<ResolvedMonitorSpec>): Promise<HttpOutcome> {
  return client.request(makeSpec(overrides), new AbortController().signal);
}

function sum(timings: PhaseTimings): number {
  return timings.dnsMs + timings.connectMs + timings.tlsMs + timings.firstByteMs + timings.transferMs;
}

/** One request as a server saw it. */
interface Seen {
  server: 'main' | 'other' | 'tls';
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('AxiosHttpClient redirects', () => {
  let main: TestServer;
  let other: TestServer;
  let tls: TestServer;
  let seen: Seen[] = [];

  function record(server: Seen['server'], respond: (url: string, res: import('node:http').ServerResponse) => void) {
    return (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ server, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        respond(req.url ?? '', res);
      });
    };
  }

  beforeAll(async () => {
    other = await startHttpServer(record('other', (_url, res) => res.end('other')));
    tls = await startHttpsServer(await generateCert(), record('tls', (_url, res) => res.end('secure')));
    main = await startHttpServer(
      record('main', (url, res) => {
        const [path, query] = url.split('?');
        const redirect = (status: number, location: string) => res.writeHead(status, { Location: location }).end('moved');
        switch (path) {
          case '/a':
            return redirect(301, `${main.url}/b`);
          case '/b':
            return redirect(302, '/c');
          case '/c':
            return res.end('done');
          case '/loop':
            return redirect(302, '/loop');
          case '/ftp':
            return redirect(302, 'ftp://files.example/x');
          case '/status':
            return redirect(Number(query), '/c');
          case '/to-other':
            return redirect(302, `${other.url}/landing`);
          case '/to-tls':
            return redirect(302, `${tls.url}/secure`);
          case '/no-location':
            return res.writeHead(302).end('nowhere');
          default:
            return res.writeHead(404).end();
        }
      }),
    );
  });
  afterAll(async () => {
    await Promise.all([main.close(), other.close(), tls.close()]);
  });
  beforeEach(() => {
    seen = [];
  });

  it('follows a chain hop by hop, counting hops and summing phases', async () => {
    const before = main.connections();
    const outcome = await request({ url: `${main.url}/a` });
    expect(outcome.error).toBeUndefined();
    expect(outcome).toMatchObject({ redirects: 2, finalUrl: `${main.url}/c`, bytes: 4, response: { status: 200 } });
    expect(seen.map((s) => s.url)).toEqual(['/a', '/b', '/c']);
    expect(main.connections() - before).toBe(3);
    expect(Math.abs(sum(outcome.timings) - outcome.durationMs)).toBeLessThan(0.01);
    expect(outcome.timings.connectMs).toBeGreaterThan(0);
  });

  it('fails with TOO_MANY_REDIRECTS beyond max_redirects', async () => {
    const outcome = await request({ url: `${main.url}/loop`, maxRedirects: 3 });
    expect(outcome.error).toEqual({ code: 'TOO_MANY_REDIRECTS', message: 'more than 3 redirects (last to /loop)' });
    expect(outcome.redirects).toBe(3);
    expect(seen).toHaveLength(4);
    expect(outcome.response).toBeUndefined();
  });

  it('with max_redirects 0 fails on the first redirect', async () => {
    const outcome = await request({ url: `${main.url}/a`, maxRedirects: 0 });
    expect(outcome.error?.code).toBe('TOO_MANY_REDIRECTS');
    expect(seen).toHaveLength(1);
  });

  it('with follow_redirects false reports the 3xx as the response', async () => {
    const outcome = await request({ url: `${main.url}/a`, followRedirects: false });
    expect(outcome.error).toBeUndefined();
    expect(outcome).toMatchObject({ redirects: 0, finalUrl: `${main.url}/a`, response: { status: 301, headers: { location: `${main.url}/b` } } });
    expect(outcome.response?.body.toString()).toBe('moved');
  });

  it('fails with UNSUPPORTED_REDIRECT for a non-http(s) Location', async () => {
    const outcome = await request({ url: `${main.url}/ftp` });
    expect(outcome.error).toEqual({ code: 'UNSUPPORTED_REDIRECT', message: 'redirect to unsupported scheme ftp: (ftp://files.example/x)' });
  });

  it('reports a 3xx without Location as the response', async () => {
    const outcome = await request({ url: `${main.url}/no-location` });
    expect(outcome).toMatchObject({ redirects: 0, response: { status: 302 } });
  });

  it.each([
    [303, 'POST', 'GET', ''],
    [302, 'POST', 'GET', ''],
    [301, 'POST', 'GET', ''],
    [307, 'POST', 'POST', 'payload'],
    [308, 'PUT', 'PUT', 'payload'],
    [302, 'PUT', 'PUT', 'payload'],
  ])('after %i a %s becomes %s', async (status, method, nextMethod, nextBody) => {
    await request({ url: `${main.url}/status?${status}`, method, body: 'payload', headers: { 'Content-Type': 'text/plain' } });
    expect(seen[1]).toMatchObject({ method: nextMethod, body: nextBody });
    if (nextBody === '') expect(seen[1]?.headers['content-type']).toBeUndefined();
    else expect(seen[1]?.headers['content-type']).toBe('text/plain');
  });

  it('sends credentials again on the same origin only', async () => {
    await request({ url: `${main.url}/b`, auth: { bearer: 'tok' } });
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer tok', 'Bearer tok']);
    seen = [];
    await request({ url: `${main.url}/to-other`, auth: { username: 'u', password: 'p' }, headers: { Cookie: 'sid=1' } });
    expect(seen.map((s) => [s.server, s.headers.authorization, s.headers.cookie])).toEqual([
      ['main', `Basic ${Buffer.from('u:p').toString('base64')}`, 'sid=1'],
      ['other', undefined, undefined],
    ]);
  });

  it('follows http to https, adding the TLS phase and the final certificate', async () => {
    const outcome = await request({ url: `${main.url}/to-tls`, tls: { insecure: true } });
    expect(outcome.error).toBeUndefined();
    expect(outcome).toMatchObject({ redirects: 1, finalUrl: `${tls.url}/secure`, response: { status: 200 } });
    expect(outcome.timings.tlsMs).toBeGreaterThan(0);
    expect(outcome.certExpiresInDays).toBeGreaterThan(29);
    expect(Math.abs(sum(outcome.timings) - outcome.durationMs)).toBeLessThan(0.01);
  });
});
