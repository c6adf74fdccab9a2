import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import { ABORT_GRACE_MS, httpCheck } from '../../src/check/httpCheck.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import type { HttpClient, HttpOutcome } from '../../src/http/httpClient.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

const client = new AxiosHttpClient();

/** Runs a check to its end and returns everything it emitted. */
function runCheck(spec: ResolvedMonitorSpec, httpClient: HttpClient = client): Promise<CheckResult[]> {
  return lastValueFrom(httpCheck(spec, httpClient).pipe(toArray()));
}

const TIMINGS = { dnsMs: 0, connectMs: 1, tlsMs: 0, firstByteMs: 1, transferMs: 1 };

describe('httpCheck', () => {
  describe('against a real server', () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startHttpServer((req, res) => {
        switch (req.url) {
          case '/ok':
            res.writeHead(200, { 'Content-Length': '5' }).end('hello');
            return;
          case '/chunked':
            res.write('abc');
            setTimeout(() => res.end('defg'), 10);
            return;
          case '/error':
            res.writeHead(500).end('oops');
            return;
          case '/never':
            return;
          case '/stall':
            res.writeHead(200, { 'Content-Length': '100' }).write('partial');
            return;
          default:
            res.writeHead(404).end();
        }
      });
    });
    afterAll(() => server.close());

    it('emits one ok result with every field, then completes', async () => {
      const results = await runCheck(makeSpec({ name: 'web', url: `${server.url}/ok` }));
      expect(results).toHaveLength(1);
      const [result] = results as [CheckResult];
      expect(result).toMatchObject({
        monitor: 'web',
        method: 'GET',
        url: `${server.url}/ok`,
        ok: true,
        status: 200,
        bytes: 5,
        contentLength: 5,
        redirects: 0,
        finalUrl: `${server.url}/ok`,
      });
      expect(result.error).toBeUndefined();
      expect(new Date(result.startedAt).toISOString()).toBe(result.startedAt);
      expect(Date.now() - Date.parse(result.startedAt)).toBeLessThan(5_000);
      expect(result.durationMs).toBeGreaterThan(0);
      expect(result.timings).toEqual({ dnsMs: 0, connectMs: expect.any(Number), tlsMs: 0, firstByteMs: expect.any(Number), transferMs: expect.any(Number) });
    });

    it('counts the bytes of a chunked body without Content-Length', async () => {
      const [result] = await runCheck(makeSpec({ url: `${server.url}/chunked` }));
      expect(result).toMatchObject({ ok: true, bytes: 7 });
      expect(result?.contentLength).toBeUndefined();
    });

    it('fails a 500 with UNEXPECTED_STATUS by default', async () => {
      const [result] = await runCheck(makeSpec({ url: `${server.url}/error` }));
      expect(result).toMatchObject({ ok: false, status: 500, bytes: 4, error: { code: 'UNEXPECTED_STATUS' } });
    });

    it('lets expect.status accept a 500', async () => {
      const [result] = await runCheck(makeSpec({ url: `${server.url}/error`, expect: { status: [[500, 500]] } }));
      expect(result).toMatchObject({ ok: true, status: 500 });
      expect(result?.error).toBeUndefined();
    });

    it('fails a refused connection with ECONNREFUSED and no status', async () => {
      const closed = await startHttpServer(() => undefined);
      await closed.close();
      const [result] = await runCheck(makeSpec({ url: `${closed.url}/` }));
      expect(result).toMatchObject({ ok: false, bytes: 0, error: { code: 'ECONNREFUSED', message: `connection refused by 127.0.0.1:${closed.port}` } });
      expect(result?.status).toBeUndefined();
    });

    it('times out with TIMEOUT and closes the connection', async () => {
      const before = server.connections();
      const [result] = await runCheck(makeSpec({ url: `${server.url}/never`, timeout: 300 }));
      expect(result).toMatchObject({ ok: false, bytes: 0, error: { code: 'TIMEOUT', message: 'no response within 300 ms' } });
      expect(result?.status).toBeUndefined();
      expect(result?.durationMs).toBeGreaterThanOrEqual(290);
      expect(result?.timings?.firstByteMs).toBeGreaterThan(250);
      expect(server.connections() - before).toBe(1);
      await server.allClosed();
    });

    it('times out a body that stalls midway with TIMEOUT, keeping status and bytes', async () => {
      const [result] = await runCheck(makeSpec({ url: `${server.url}/stall`, timeout: 300 }));
      expect(result).toMatchObject({
        ok: false,
        status: 200,
        bytes: 7,
        contentLength: 100,
        error: { code: 'TIMEOUT', message: 'response not complete within 300 ms' },
      });
      expect(result?.timings?.transferMs).toBeGreaterThan(250);
      await server.allClosed();
    });

    it('aborts the request when unsubscribed', async () => {
      const before = server.connections();
      const results: CheckResult[] = [];
      const subscription = httpCheck(makeSpec({ url: `${server.url}/never`, timeout: 5_000 }), client).subscribe((r) => results.push(r));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.connections() - before).toBe(1);
      subscription.unsubscribe();
      await server.allClosed();
      expect(results).toEqual([]);
    });

    it('masks the password in url and finalUrl', async () => {
      const url = `http://ann:pw123@127.0.0.1:${server.port}/ok`;
      const [result] = await runCheck(makeSpec({ url }));
      expect(result).toMatchObject({ ok: true, url: `http://ann:***@127.0.0.1:${server.port}/ok`, finalUrl: `http://ann:***@127.0.0.1:${server.port}/ok` });
      expect(JSON.stringify(result)).not.toContain('pw123');
    });

    it('is cold: each subscription is a new request', async () => {
      const check$ = httpCheck(makeSpec({ url: `${server.url}/ok` }), client);
      const before = server.connections();
      await firstValueFrom(check$);
      await firstValueFrom(check$);
      expect(server.connections() - before).toBe(2);
    });
  });

  describe('with a client that misbehaves', () => {
    it('turns a rejection into INTERNAL', async () => {
      const rejecting: HttpClient = { request: () => Promise.reject(new Error('boom\nstack')) };
      const results = await runCheck(makeSpec(), rejecting);
      expect(results).toEqual([expect.objectContaining({ ok: false, bytes: 0, error: { code: 'INTERNAL', message: 'internal error: boom' } })]);
    });

    it('turns a synchronous throw into INTERNAL', async () => {
      const throwing: HttpClient = {
        request: () => {
          throw new TypeError('bad');
        },
      };
      const [result] = await runCheck(makeSpec(), throwing);
      expect(result?.error).toEqual({ code: 'INTERNAL', message: 'internal error: bad' });
    });

    it('reports TIMEOUT with what the client measured when it answers the abort', async () => {
      const partial: HttpOutcome = {
        response: { status: 200, headers: {}, body: Buffer.from('abc') },
        bytes: 3,
        durationMs: 60.5,
        timings: { ...TIMINGS, transferMs: 58.5 },
        redirects: 0,
        finalUrl: 'http://x/',
        error: { code: 'ABORTED', message: 'request aborted' },
      };
      const honouring: HttpClient = {
        request: (_spec, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(partial))),
      };
      const [result] = await runCheck(makeSpec({ timeout: 50 }), honouring);
      expect(result).toMatchObject({
        ok: false,
        status: 200,
        bytes: 3,
        durationMs: 60.5,
        timings: partial.timings,
        error: { code: 'TIMEOUT', message: 'response not complete within 50 ms' },
      });
    });
  });

  describe('in virtual time', () => {
    let scheduler: TestScheduler;
    let aborts: number[];
    /** Never answers (not even on abort); records when it was aborted. */
    let silent: HttpClient;

    beforeEach(() => {
      scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
      aborts = [];
      silent = {
        request: (_spec, signal) => {
          signal.addEventListener('abort', () => aborts.push(scheduler.now()));
          return new Promise(() => undefined);
        },
      };
    });

    it('aborts at the timeout and, without an answer, reports TIMEOUT after the grace period', () => {
      scheduler.run(({ expectObservable }) => {
        const spec = makeSpec({ name: 'slow', url: 'http://u:secret@h/', timeout: 1_000 });
        const expected = `${1_000 + ABORT_GRACE_MS}ms (r|)`;
        expectObservable(httpCheck(spec, silent, scheduler)).toBe(expected, {
          r: {
            monitor: 'slow',
            method: 'GET',
            url: 'http://u:***@h/',
            startedAt: '1970-01-01T00:00:00.000Z',
            ok: false,
            bytes: 0,
            durationMs: 1_000 + ABORT_GRACE_MS,
            error: { code: 'TIMEOUT', message: 'no response within 1000 ms' },
          },
        });
      });
      expect(aborts).toEqual([1_000]);
    });

    it('aborts when unsubscribed before the timeout, emitting nothing', () => {
      scheduler.run(({ expectObservable }) => {
        const unsubscribe = '500ms !';
        expectObservable(httpCheck(makeSpec({ timeout: 1_000 }), silent, scheduler), unsubscribe).toBe('');
      });
      expect(aborts).toEqual([500]);
    });
  });
});
