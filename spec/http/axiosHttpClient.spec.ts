import 'reflect-metadata';
import type { IncomingHttpHeaders } from 'node:http';
import { Container } from 'inversify';
import { gzipSync } from 'node:zlib';
import type { PhaseTimings } from '../../src/check/checkResult.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import type { HttpOutcome } from '../../src/http/httpClient.js';
import { startHttpServer, startNetServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

const client = new AxiosHttpClient();

function request(overrides: Partial<ResolvedMonitorSpec>, signal = new AbortController().signal): Promise<HttpOutcome> {
  return client.request(makeSpec(overrides), signal);
}

function sum(timings: PhaseTimings): number {
  return timings.dnsMs + timings.connectMs + timings.tlsMs + timings.firstByteMs + timings.transferMs;
}

/** What the server saw of the last request. */
interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('AxiosHttpClient', () => {
  let server: TestServer;
  const seen: Seen = { headers: {}, body: '' };

  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        switch (req.url) {
          case '/hello':
            res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '5' }).end('hello');
            return;
          case '/chunked':
            res.writeHead(200, { 'Content-Type': 'text/plain' });
            res.write('a'.repeat(1000));
            setTimeout(() => res.end('b'.repeat(234)), 20);
            return;
          case '/missing':
            res.writeHead(404).end('not here');
            return;
          case '/gzip':
            res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('x'.repeat(10_000)));
            return;
          case '/cookies':
            res.setHeader('Set-Cookie', ['a=1', 'b=2']);
            res.end();
            return;
          case '/empty':
            res.writeHead(204).end();
            return;
          case '/stall':
            res.writeHead(200, { 'Content-Length': '100' }).write('partial');
            return;
          default:
            res.end('ok');
        }
      });
    });
  });
  afterAll(() => server.close());

  describe('when the server answers', () => {
    it('reports status, headers, body, bytes and Content-Length', async () => {
      const outcome = await request({ url: `${server.url}/hello` });
      expect(outcome.error).toBeUndefined();
      expect(outcome.response).toMatchObject({ status: 200, contentLength: 5, headers: { 'content-type': 'text/plain', 'content-length': '5' } });
      expect(outcome.response?.body.toString()).toBe('hello');
      expect(outcome.bytes).toBe(5);
      expect(outcome).toMatchObject({ redirects: 0, finalUrl: `${server.url}/hello` });
      expect(outcome.certExpiresInDays).toBeUndefined();
    });

    it('counts a chunked body without Content-Length', async () => {
      const outcome = await request({ url: `${server.url}/chunked` });
      expect(outcome.error).toBeUndefined();
      expect(outcome.bytes).toBe(1234);
      expect(outcome.response?.body.length).toBe(1234);
      expect(outcome.response?.contentLength).toBeUndefined();
      expect(outcome.response?.headers['transfer-encoding']).toBe('chunked');
    });

    it('reports other statuses as responses, not errors', async () => {
      const outcome = await request({ url: `${server.url}/missing` });
      expect(outcome.error).toBeUndefined();
      expect(outcome.response?.status).toBe(404);
      expect(outcome.bytes).toBe(8);
    });

    it('counts the bytes on the wire: asks for identity and does not decompress', async () => {
      const outcome = await request({ url: `${server.url}/gzip` });
      expect(seen.headers['accept-encoding']).toBe('identity');
      expect(outcome.bytes).toBe(gzipSync('x'.repeat(10_000)).length);
      expect(outcome.bytes).toBeLessThan(1000);
      expect(outcome.response?.headers['content-encoding']).toBe('gzip');
    });

    it('sends the user Accept-Encoding when set', async () => {
      await request({ url: `${server.url}/gzip`, headers: { 'accept-encoding': 'gzip' } });
      expect(seen.headers['accept-encoding']).toBe('gzip');
    });

    it('joins repeated Set-Cookie headers', async () => {
      const outcome = await request({ url: `${server.url}/cookies` });
      expect(outcome.response?.headers['set-cookie']).toBe('a=1, b=2');
    });

    it('reports a 204 with no body', async () => {
      const outcome = await request({ url: `${server.url}/empty` });
      expect(outcome).toMatchObject({ bytes: 0, response: { status: 204 } });
    });

    it('opens a fresh connection for every check', async () => {
      const before = server.connections();
      const first = await request({ url: `${server.url}/hello` });
      const second = await request({ url: `${server.url}/hello` });
      expect(server.connections() - before).toBe(2);
      expect(first.timings.connectMs).toBeGreaterThan(0);
      expect(second.timings.connectMs).toBeGreaterThan(0);
      expect(seen.headers.connection).toBe('close');
    });

    it('keeps the phases summing to durationMs', async () => {
      const outcome = await request({ url: `${server.url}/chunked` });
      expect(Math.abs(sum(outcome.timings) - outcome.durationMs)).toBeLessThan(0.01);
      expect(outcome.timings.transferMs).toBeGreaterThan(10);
    });
  });

  describe('request options', () => {
    it('sends method, headers and a string body as-is', async () => {
      await request({ url: `${server.url}/echo`, method: 'PUT', headers: { 'X-Probe': 'yes', 'Content-Type': 'text/csv' }, body: 'a,b\n1,2' });
      expect(seen).toMatchObject({ method: 'PUT', url: '/echo', body: 'a,b\n1,2' });
      expect(seen.headers).toMatchObject({ 'x-probe': 'yes', 'content-type': 'text/csv', 'content-length': '7', 'user-agent': 'rxmon', accept: '*/*' });
    });

    it('sends an object body as JSON', async () => {
      await request({ url: `${server.url}/echo`, method: 'POST', body: { name: 'rx', n: [1, 2] } });
      expect(seen.method).toBe('POST');
      expect(seen.headers['content-type']).toBe('application/json');
      expect(JSON.parse(seen.body)).toEqual({ name: 'rx', n: [1, 2] });
    });

    it('keeps a user Content-Type for a JSON body', async () => {
      await request({ url: `${server.url}/echo`, method: 'POST', headers: { 'content-type': 'application/vnd.api+json' }, body: { a: 1 } });
      expect(seen.headers['content-type']).toBe('application/vnd.api+json');
    });

    it('sends basic auth', async () => {
      await request({ url: `${server.url}/echo`, auth: { username: 'ann', password: 's3cret' } });
      expect(seen.headers.authorization).toBe(`Basic ${Buffer.from('ann:s3cret').toString('base64')}`);
    });

    it('sends a bearer token', async () => {
      await request({ url: `${server.url}/echo`, auth: { bearer: 'tok-123' } });
      expect(seen.headers.authorization).toBe('Bearer tok-123');
    });

    it('sends basic credentials from the URL and masks them in the outcome', async () => {
      const url = `http://bob:hunter2@127.0.0.1:${server.port}/echo`;
      const outcome = await request({ url });
      expect(seen.headers.authorization).toBe(`Basic ${Buffer.from('bob:hunter2').toString('base64')}`);
      expect(outcome.finalUrl).toBe(`http://bob:***@127.0.0.1:${server.port}/echo`);
      expect(JSON.stringify({ ...outcome, response: undefined })).not.toContain('hunter2');
    });

    it.each([
      ['ipv4', '127.0.0.1'],
      ['ipv4', 'localhost'],
      ['auto', '127.0.0.1'],
      ['auto', 'localhost'],
    ] as const)('connects with ip_family %s to %s', async (ipFamily, host) => {
      const outcome = await request({ url: `http://${host}:${server.port}/hello`, ipFamily });
      expect(outcome.error).toBeUndefined();
      expect(outcome.response?.status).toBe(200);
    });

    it('with ip_family ipv6 does not reach a server listening on 127.0.0.1 only', async () => {
      const outcome = await request({ url: `http://localhost:${server.port}/hello`, ipFamily: 'ipv6' });
      expect(outcome.response).toBeUndefined();
      expect(outcome.error?.code).toMatch(/^E[A-Z_]+$/);
    });
  });

  it('is built by an inversify container', async () => {
    const container = new Container();
    container.bind(AxiosHttpClient).toSelf();
    const built = container.get(AxiosHttpClient);
    const outcome = await built.request(makeSpec({ url: `${server.url}/hello` }), new AbortController().signal);
    expect(outcome.response?.status).toBe(200);
  });

  describe('when the exchange fails', () => {
    it('reports a refused connection', async () => {
      const closed = await startHttpServer(() => undefined);
      await closed.close();
      const outcome = await request({ url: `${closed.url}/` });
      expect(outcome).toMatchObject({
        bytes: 0,
        redirects: 0,
        error: { code: 'ECONNREFUSED', message: `connection refused by 127.0.0.1:${closed.port}` },
      });
      expect(outcome.response).toBeUndefined();
      expect(outcome.timings.tlsMs + outcome.timings.firstByteMs + outcome.timings.transferMs).toBe(0);
    });

    it('reports a garbage reply as an HPE_ parse error', async () => {
      const raw = await startNetServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
      const outcome = await request({ url: `${raw.url}/` });
      await raw.close();
      expect(outcome.error?.code).toMatch(/^HPE_/);
      expect(outcome.error?.message).toContain(`invalid HTTP response from 127.0.0.1:${raw.port}`);
    });

    it('reports a connection closed before any response', async () => {
      const raw = await startNetServer((socket) => socket.once('data', () => socket.destroy()));
      const outcome = await request({ url: `${raw.url}/` });
      await raw.close();
      expect(outcome.error).toEqual({ code: 'ECONNRESET', message: `connection to 127.0.0.1:${raw.port} closed before a response` });
    });

    it('reports a connection reset mid-body as ECONNRESET, keeping status and bytes so far', async () => {
      const raw = await startNetServer((socket) =>
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-this');
          setTimeout(() => socket.resetAndDestroy(), 20);
        }),
      );
      const outcome = await request({ url: `${raw.url}/` });
      await raw.close();
      expect(outcome).toMatchObject({ bytes: 9, response: { status: 200, contentLength: 100 }, error: { code: 'ECONNRESET' } });
    });

    it('reports a clean close before the Content-Length as INCOMPLETE_BODY, keeping status and bytes so far', async () => {
      const raw = await startNetServer((socket) =>
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-this');
          setTimeout(() => socket.destroy(), 20);
        }),
      );
      const outcome = await request({ url: `${raw.url}/` });
      await raw.close();
      expect(outcome).toMatchObject({
        bytes: 9,
        response: { status: 200, contentLength: 100 },
        error: { code: 'INCOMPLETE_BODY', message: 'connection closed after 9 of 100 body bytes' },
      });
    });

    it('reports a clean close before the last chunk as INCOMPLETE_BODY', async () => {
      const raw = await startNetServer((socket) =>
        socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n')),
      );
      const outcome = await request({ url: `${raw.url}/` });
      await raw.close();
      expect(outcome).toMatchObject({
        bytes: 5,
        error: { code: 'INCOMPLETE_BODY', message: 'connection closed after 5 body bytes, before the chunked body ended' },
      });
    });

    it('reports a broken chunked body with its parse error, not the close that follows', async () => {
      const raw = await startNetServer((socket) =>
        socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n')),
      );
      const outcome = await request({ url: `${raw.url}/` });
      await raw.close();
      expect(outcome).toMatchObject({ bytes: 5, response: { status: 200 }, error: { code: 'HPE_INVALID_CHUNK_SIZE' } });
    });

    it('aborts when the signal aborts, destroying the socket', async () => {
      const controller = new AbortController();
      const before = server.connections();
      const pending = request({ url: `${server.url}/stall` }, controller.signal);
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      const outcome = await pending;
      expect(outcome).toMatchObject({ bytes: 7, response: { status: 200 }, error: { code: 'ABORTED', message: 'request aborted' } });
      expect(server.connections() - before).toBe(1);
      await server.allClosed();
      expect(Math.abs(sum(outcome.timings) - outcome.durationMs)).toBeLessThan(0.01);
    });

    it('aborts before the response', async () => {
      const raw = await startNetServer(() => undefined);
      const controller = new AbortController();
      const pending = request({ url: `${raw.url}/` }, controller.signal);
      setTimeout(() => controller.abort(), 50);
      const outcome = await pending;
      await raw.allClosed();
      await raw.close();
      expect(outcome.error?.code).toBe('ABORTED');
      expect(outcome.response).toBeUndefined();
      expect(outcome.durationMs).toBeGreaterThanOrEqual(45);
      expect(outcome.timings.firstByteMs).toBeGreaterThan(0);
    });

    it('reports an invalid URL as INVALID_URL', async () => {
      const outcome = await request({ url: 'http://user:pw@[bad/' });
      expect(outcome.error).toEqual({ code: 'INVALID_URL', message: 'invalid URL http://user:***@[bad/' });
    });
  });
});
