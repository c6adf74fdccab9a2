import { firstValueFrom, lastValueFrom, map, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import { ConfigError } from '../../src/config/configError.js';
import type { HttpClient, HttpOutcome } from '../../src/http/httpClient.js';
import { httpCheck, monitor } from '../../src/library/checks.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A fake HTTP client that never answers; it keeps the signal of every request it was given. */
function hangingClient(): HttpClient & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    request: (_spec, signal) => {
      signals.push(signal);
      return new Promise<HttpOutcome>(() => undefined);
    },
  };
}

/** A fake HTTP client answering at once with these statuses in turn (then 200 for ever). */
function statusClient(...statuses: number[]): HttpClient {
  return {
    request: async (spec) => ({
      response: { status: statuses.shift() ?? 200, headers: {}, body: Buffer.alloc(0) },
      bytes: 0,
      durationMs: 1,
      timings: { dnsMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 1, transferMs: 0 },
      redirects: 0,
      finalUrl: spec.url,
    }),
  };
}

/**
 * Moves a TestScheduler (not in `run` mode) forward to `frame` in steps, letting Promises settle
 * after each step: a fake client answers with a Promise, which no virtual clock can drive.
 */
async function advanceTo(scheduler: TestScheduler, frame: number, step = 100): Promise<void> {
  for (let t = 0; t <= frame; t += step) {
    scheduler.maxFrames = t;
    scheduler.flush();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const URL_NOBODY_USES = 'http://127.0.0.1:9/health';

describe('the library checks', () => {
  describe('against a real server', () => {
    let server: TestServer;
    let hungRequest: () => void;
    const requestHung = new Promise<void>((resolve) => (hungRequest = resolve));

    beforeAll(async () => {
      server = await startHttpServer((req, res) => {
        if (req.url === '/ok') res.end('ok');
        else if (req.url === '/hang') hungRequest();
        else res.writeHead(503).end('down');
      });
    });
    afterAll(() => server.close());

    it('httpCheck emits one ok result for a 200, then completes', async () => {
      const results = await lastValueFrom(httpCheck({ name: 'web', url: `${server.url}/ok` }).pipe(toArray()));
      expect(results).toEqual([
        expect.objectContaining({ monitor: 'web', method: 'GET', url: `${server.url}/ok`, ok: true, status: 200, bytes: 2 }),
      ]);
    });

    it('httpCheck emits a failed result (a value, not an error) for a 503', async () => {
      const result = await firstValueFrom(httpCheck({ name: 'web', url: `${server.url}/down`, timeout: '5s' }));
      expect(result).toMatchObject({ ok: false, status: 503, error: { code: 'UNEXPECTED_STATUS' } });
    });

    it('monitor checks at once, then at its rate', async () => {
      const begun = Date.now();
      const results = await lastValueFrom(
        monitor({ name: 'web', url: `${server.url}/ok`, checkEvery: '100ms' }).pipe(take(3), toArray()),
      );
      expect(results.map((result) => result.ok)).toEqual([true, true, true]);
      const starts = results.map((result) => Date.parse(result.startedAt));
      // Fixed rate: 100 ms start to start (generous bounds for a busy machine).
      expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(190);
      expect(starts[0]! - begun).toBeLessThan(2_000);
    });

    it('unsubscribing a monitor aborts the request in flight: the server sees the socket close', async () => {
      const subscription = monitor({ name: 'web', url: `${server.url}/hang`, checkEvery: '1m', timeout: '30s' }).subscribe();
      await requestHung;
      expect(server.connections()).toBeGreaterThan(0);
      subscription.unsubscribe();
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        server.allClosed().then(() => 'closed'),
        new Promise((resolve) => (timer = setTimeout(() => resolve('still open after 5 s'), 5_000))),
      ]);
      clearTimeout(timer);
      expect(closed).toBe('closed');
    });
  });

  describe('when the spec is invalid', () => {
    it.each([
      ['checkEvery', { checkEvery: 'soon' }, /^checkEvery: expected a positive duration/],
      ['check_every', { check_every: '5s' }, /^check_every: unknown key \(did you mean checkEvery\?\)/],
      ['expect.maxResponseTime', { expect: { maxResponseTime: 'x' } }, /^expect\.maxResponseTime: /],
    ])('throws a ConfigError naming %s, at once', (key, extra, message) => {
      const spec = { name: 'api', url: URL_NOBODY_USES, ...extra } as Parameters<typeof monitor>[0];
      for (const make of [() => monitor(spec), () => httpCheck(spec)]) {
        let thrown: unknown;
        try {
          make();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ConfigError);
        expect(thrown).toMatchObject({ key, message: expect.stringMatching(message) });
      }
    });
  });

  describe('monitor in virtual time, with a fake client', () => {
    const timedOut = { ok: false, code: 'TIMEOUT', lag: 0 };
    const summary = map((result: CheckResult) => ({ ok: result.ok, code: result.error?.code, lag: result.scheduleLagMs }));

    it('checks at the fixed rate; each check ends at its timeout, and unsubscribing aborts the one in flight', () => {
      const client = hangingClient();
      newScheduler().run(({ expectObservable }) => {
        const results$ = monitor({ name: 'api', url: URL_NOBODY_USES, checkEvery: 1000, timeout: '300ms' }, { client });
        // Checks start at 0, 1000, 2000; a timeout aborts, then waits up to 100 ms for the client.
        expectObservable(results$.pipe(summary), '^ 2200ms !').toBe('400ms t 999ms t 999ms -', { t: timedOut });
      });
      expect(client.signals).toHaveLength(3);
      // The first two by their timeouts, the third (due to time out at 2300) by the unsubscription at 2200.
      expect(client.signals.map((signal) => signal.aborted)).toEqual([true, true, true]);
    });

    it('checks at retryEvery while failing', () => {
      const client = hangingClient();
      newScheduler().run(({ expectObservable }) => {
        const spec = { name: 'api', url: URL_NOBODY_USES, checkEvery: '1s', retryEvery: '500ms', timeout: 300 };
        // Checks start at 0, 500, 1000, 1500, 2000 (instead of 0, 1000, 2000).
        const expected = '400ms t 499ms t 499ms t 499ms t 499ms t';
        expectObservable(monitor(spec, { client }).pipe(summary), '^ 2450ms !').toBe(expected, { t: timedOut });
      });
      expect(client.signals).toHaveLength(5);
    });

    it('goes back to checkEvery once a check is ok again', async () => {
      const scheduler = newScheduler();
      const starts: Array<[number, boolean]> = [];
      const subscription = monitor(
        { name: 'api', url: URL_NOBODY_USES, checkEvery: 1000, retryEvery: 200 },
        { client: statusClient(200, 500, 500, 200, 200), scheduler },
      ).subscribe((result) => starts.push([Date.parse(result.startedAt), result.ok]));
      await advanceTo(scheduler, 3400);
      subscription.unsubscribe();
      expect(starts).toEqual([
        [0, true],
        [1000, false],
        [1200, false],
        [1400, true],
        [2400, true],
        [3400, true],
      ]);
    });
  });
});
