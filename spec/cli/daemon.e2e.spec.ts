import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checksOf, ensureBuilt, killDaemons, runDaemon, startDaemon, writeTempConfig } from '../support/daemon.js';

/** A local target: `/ok` answers 200 "hello", `/fail` answers 503. Counts requests per path. */
async function startTarget(): Promise<{ url: string; hits: Map<string, number>; close(): Promise<void> }> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (req.url === '/fail') {
      res.writeHead(503).end('down');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5' }).end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}


let target: Awaited<ReturnType<typeof startTarget>>;

beforeAll(async () => {
  ensureBuilt();
  target = await startTarget();
});
afterEach(killDaemons);
afterAll(() => target.close());

describe('the daemon, run as a user runs it', () => {
  it('logs one JSON record per check for every monitor, then shuts down cleanly on SIGTERM', async () => {
    const refused = await closedPort();
    const config = writeTempConfig(`
log:
  level: info
monitors:
  web:
    url: ${target.url}/ok
    timeout: 0.3
    check_every: 0.3
  down:
    method: GET
    url: http://127.0.0.1:${refused}/
    timeout: "300ms"
    check_every: "300ms"
`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'web').length >= 3 && checksOf(records, 'down').length >= 3);
    daemon.child.kill('SIGTERM');
    const { code, afterMs } = await daemon.exited();
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(1_000 + 1_000); // 1 s target; slack for a busy CI machine
    expect(daemon.junk).toEqual([]);
    expect(daemon.stderr()).toBe('');

    const messages = daemon.records.map((record) => record.msg);
    expect(messages[0]).toBe('Starting up');
    expect(messages.slice(-2)).toEqual(['Shutting down', 'Shutdown finished successfully']);

    const ok = checksOf(daemon.records, 'web')[0];
    expect(ok).toMatchObject({
      name: 'rxmon',
      level: 30,
      monitor: 'web',
      method: 'GET',
      url: `${target.url}/ok`,
      ok: true,
      status: 200,
      bytes: 5,
      contentLength: 5,
    });
    expect(new Date(ok.startedAt).toISOString()).toBe(ok.startedAt);
    expect(ok.durationMs).toBeGreaterThan(0);
    expect(ok.error).toBeUndefined();
    expect(ok.msg).toMatch(new RegExp(`^GET ${target.url}/ok 200 5 B \\d+ ms$`));

    const failed = checksOf(daemon.records, 'down')[0];
    expect(failed).toMatchObject({ monitor: 'down', ok: false, level: 40, bytes: 0, error: { code: 'ECONNREFUSED' } });
    expect(failed.status).toBeUndefined();
    expect(failed.msg).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/ failed after \d+ ms: ECONNREFUSED /);
  });

  it('keeps a fixed rate, start to start', async () => {
    const config = writeTempConfig(`
monitors:
  web: { url: "${target.url}/ok", timeout: 0.25, check_every: "250ms" }
`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'web').length >= 6);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
    const starts = checksOf(daemon.records, 'web').map((record) => Date.parse(record.startedAt));
    const gaps = starts.slice(1).map((start, i) => start - starts[i]);
    // Median gap is the interval; generous bounds, the precise figures belong to the benchmark.
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
    expect(median).toBeGreaterThanOrEqual(200);
    expect(median).toBeLessThanOrEqual(350);
  });

  it('stops on SIGINT too', async () => {
    const config = writeTempConfig(`monitors:\n  web: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'web').length >= 1);
    daemon.child.kill('SIGINT');
    expect((await daemon.exited()).code).toBe(0);
    expect(daemon.records.at(-1)?.msg).toBe('Shutdown finished successfully');
  });

  it('takes the config file from RXMON_CONFIG', async () => {
    const config = writeTempConfig(`monitors:\n  from-env: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`);
    const daemon = startDaemon([], { RXMON_CONFIG: config });
    await daemon.waitFor((records) => checksOf(records, 'from-env').length >= 1);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });

  it('exits 2 with file:line: key: problem and no stack trace on a bad config', async () => {
    const config = writeTempConfig(`monitors:\n  broken:\n    url: ${target.url}/ok\n    check_every: 5\n    timeout: -1\n`, 'bad.yml');
    const { code, stdout, stderr } = await runDaemon(['--config', config]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/bad\.yml:5: monitors\.broken\.timeout: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming the file when it does not exist', async () => {
    const { code, stderr } = await runDaemon(['--config', '/nonexistent/rxmon.yml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\/nonexistent\/rxmon\.yml: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits quietly when stdout is closed (EPIPE, as with `| head -n 1`)', async () => {
    const config = writeTempConfig(`monitors:\n  web: { url: "${target.url}/ok", check_every: 0.1, timeout: 0.1 }\n`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => records.length >= 1);
    daemon.child.stdout.destroy();
    const { code } = await daemon.exited();
    expect(code).toBe(0);
    expect(daemon.stderr()).toBe('');
  });
});

describe('the command line', () => {
  it('--once exits 0 when every check is ok', async () => {
    const config = writeTempConfig(`monitors:\n  a: { url: "${target.url}/ok" }\n  b: { url: "${target.url}/ok" }\n`);
    const { code, stdout } = await runDaemon(['--once', '--config', config]);
    expect(code).toBe(0);
    const checks = stdout.trim().split('\n').map((line) => JSON.parse(line)).filter((record) => 'durationMs' in record);
    expect(checks.map((record) => record.monitor).sort()).toEqual(['a', 'b']);
  });

  it('--once exits 1 when a check fails', async () => {
    const config = writeTempConfig(`monitors:\n  a: { url: "${target.url}/ok" }\n  b: { url: "${target.url}/fail" }\n`);
    const { code, stdout } = await runDaemon(['--once', '--config', config]);
    expect(code).toBe(1);
    expect(stdout).toContain('UNEXPECTED_STATUS');
  });

  it('--validate exits 0 on a good config and 2 on a bad one', async () => {
    const good = writeTempConfig(`monitors:\n  a: { url: "${target.url}/ok" }\n`);
    expect((await runDaemon(['--validate', '--config', good])).code).toBe(0);
    const bad = writeTempConfig(`monitors:\n  a: { url: "${target.url}/ok", chek_every: 5 }\n`, 'bad.yml');
    const { code, stderr } = await runDaemon(['--validate', '--config', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yml:2: monitors\.a\.chek_every: .*did you mean check_every/);
  });

  it('--help and --version exit 0', async () => {
    const help = await runDaemon(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: rxmon/);
    const version = await runDaemon(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown flag exits 2 with a short message', async () => {
    const { code, stderr } = await runDaemon(['--bogus']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rxmon: .*--bogus/);
  });

  it('--shard i/N: N instances together check every monitor exactly once', async () => {
    const names = Array.from({ length: 24 }, (_, i) => `svc-${i}`);
    const config = writeTempConfig(`monitors:\n${names.map((name) => `  ${name}: { url: "${target.url}/ok" }`).join('\n')}\n`);
    const seen: string[][] = [];
    for (let index = 0; index < 3; index++) {
      const { code, stdout } = await runDaemon(['--once', '--shard', `${index}/3`, '--config', config]);
      expect(code).toBe(0);
      seen.push(stdout.trim().split('\n').map((line) => JSON.parse(line)).filter((record) => 'durationMs' in record).map((record) => record.monitor));
    }
    expect(seen.flat().sort()).toEqual([...names].sort());
    for (const shard of seen) expect(shard.length).toBeGreaterThan(0);
  });

  it('RXMON_SHARD works like --shard, and a bad shard exits 2', async () => {
    const config = writeTempConfig(`monitors:\n  a: { url: "${target.url}/ok" }\n`);
    const bad = await runDaemon(['--once', '--config', config], { RXMON_SHARD: '3/3' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rxmon: RXMON_SHARD: expected i\/N/);
  });
});
