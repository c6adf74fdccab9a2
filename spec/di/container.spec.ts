import 'reflect-metadata';
import { NEVER, Subject, concat, defer, lastValueFrom, of, share, toArray } from 'rxjs';
import { parseConfig } from '../../src/config/parseConfig.js';
import { composeDaemon, createContainer } from '../../src/di/container.js';
import { TYPES } from '../../src/di/identifiers.js';
import type { HttpClient, HttpOutcome } from '../../src/http/httpClient.js';
import { logCheckResults } from '../../src/logging/logCheckResults.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Monitor } from '../../src/monitor/monitor.js';
import { memoryLogger } from '../support/memoryLogger.js';
import { makeResult, makeSpec } from '../support/specs.js';

/** The original daemon's config (../shared/SEED.md), verbatim. */
const SEED_CONFIG = `
log:
  level: "INFO"
  format: "[%(asctime)s] [%(levelname)s] [%(name)s]: %(message)s"
monitors:
  example:
    method: "GET"
    url: "http://example.com"
    timeout: 5
    check_every: 5
  httpbin:
    method: "GET"
    url: "https://httpbin.org/get"
    timeout: 5
    check_every: 5
`;

/** A fake HTTP client, as the original's test mocked its client: status 200, content length 635. */
class FakeHttpClient implements HttpClient {
  readonly calls: string[] = [];
  async request(spec: { url: string }): Promise<HttpOutcome> {
    this.calls.push(spec.url);
    return {
      response: { status: 200, headers: { 'content-length': '635' }, body: Buffer.alloc(635), contentLength: 635 },
      bytes: 635,
      durationMs: 12,
      timings: { dnsMs: 1, connectMs: 2, tlsMs: 0, firstByteMs: 8, transferMs: 1 },
      redirects: 0,
      finalUrl: spec.url,
    };
  }
}

describe('the composition root', () => {
  it('builds one monitor per config entry, multi-injected into the dispatcher', () => {
    const container = createContainer(parseConfig(SEED_CONFIG, 'config.yml', {}));
    const { dispatcher, config } = composeDaemon(container);
    expect(dispatcher.monitors.map((monitor) => monitor.name)).toEqual(['example', 'httpbin']);
    expect(dispatcher.monitors.map((monitor) => monitor.spec)).toEqual(config.monitors);
  });

  it('checks through an overridden HTTP client and logs the URL, status and content length (the original example_monitor test)', async () => {
    const container = createContainer(parseConfig(SEED_CONFIG, 'config.yml', {}));
    const fake = new FakeHttpClient();
    const { logger, records } = memoryLogger();
    container.rebind<HttpClient>(TYPES.HttpClient).toConstantValue(fake);
    container.rebind<Logger>(TYPES.Logger).toConstantValue(logger);
    const { dispatcher } = composeDaemon(container);

    const results$ = dispatcher.runOnce(new Subject()).pipe(share());
    logCheckResults({ results$, logger });
    await lastValueFrom(results$.pipe(toArray()));

    expect(fake.calls).toEqual(['http://example.com', 'https://httpbin.org/get']);
    const example = records().find((record) => record.monitor === 'example')!;
    expect(example).toMatchObject({ url: 'http://example.com', status: 200, contentLength: 635, bytes: 635, ok: true });
    expect(example.msg).toBe('GET http://example.com 200 635 B 12 ms');
  });

  it('runs every monitor until shutdown, with monitors overridden (the original dispatcher test)', async () => {
    const container = createContainer(parseConfig(SEED_CONFIG, 'config.yml', {}));
    const checked: string[] = [];
    container.unbind(TYPES.Monitor);
    for (const name of ['example', 'httpbin']) {
      const results$ = defer(() => {
        checked.push(name);
        return concat(of(makeResult({ monitor: name })), NEVER);
      });
      container.bind<Monitor>(TYPES.Monitor).toConstantValue({ name, spec: makeSpec({ name }), results$, check$: results$ });
    }
    const { logger, records } = memoryLogger();
    container.rebind<Logger>(TYPES.Logger).toConstantValue(logger);
    const { dispatcher } = composeDaemon(container);
    const stop$ = new Subject<void>();
    const results = lastValueFrom(dispatcher.run(stop$).pipe(toArray()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop$.next();
    expect((await results).map((result) => result.monitor).sort()).toEqual(['example', 'httpbin']);
    expect(checked.sort()).toEqual(['example', 'httpbin']);
    expect(records().map((record) => record.msg)).toEqual(['Starting up', 'Shutting down', 'Shutdown finished successfully']);
  });
});
