import { checksOf, ensureBuilt, killDaemons, listenUrl, startDaemon, writeTempConfig } from '../support/daemon.js';
import { type TestServer, startHttpServer } from '../support/httpServers.js';

describe('an overloaded schedule', () => {
  beforeAll(() => ensureBuilt());
  let target: TestServer;
  beforeEach(async () => {
    // Answers after 100 ms: with one check in flight at a time, about 10 checks a second fit.
    target = await startHttpServer((_req, res) => void setTimeout(() => res.end('ok'), 100));
  });
  afterEach(async () => {
    killDaemons();
    await target.close();
  });

  it('counts every tick that cannot run, on the results, in the metrics and in a warn line', async () => {
    const monitors = Array.from({ length: 5 }, (_, i) => `  m${i}: { url: "${target.url}/${i}", check_every: 0.2, timeout: 0.2 }\n`).join('');
    const daemon = startDaemon(['--config', writeTempConfig(`workers: 0\nmax_concurrent_checks: 1\nserver: { port: 0 }\nmonitors:\n${monitors}`)]);
    await daemon.waitFor((records) => records.some((record) => record.msg?.startsWith('schedule overloaded: ')), 20_000);
    const warn = daemon.records.find((record) => record.msg?.startsWith('schedule overloaded: '))!;
    expect(warn.level).toBe(40);
    expect(warn.overload.missedTicks).toBeGreaterThan(0);
    expect(warn.overload.windowMs).toBe(10_000);

    const checks = Array.from({ length: 5 }, (_, i) => checksOf(daemon.records, `m${i}`)).flat();
    const missedOnResults = checks.reduce((sum, check) => sum + (check.missedTicks ?? 0), 0);
    expect(missedOnResults).toBeGreaterThan(0);
    const metrics = await (await fetch(`${listenUrl(daemon.records)}metrics`)).text();
    const counted = Number(/^rxmon_missed_ticks_total (\d+)/m.exec(metrics)?.[1]);
    // The counter has every result's missed ticks logged so far (and perhaps a few more since).
    expect(counted).toBeGreaterThanOrEqual(missedOnResults);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });
});
