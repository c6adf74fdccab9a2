import { writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { checksOf, ensureBuilt, killDaemons, runDaemon, startDaemon, writeTempConfig } from '../support/daemon.js';
import { type TestServer, startHttpServer } from '../support/httpServers.js';

/** A target counting requests per path. */
async function startTarget() {
  const hits = new Map<string, number>();
  const server: TestServer = await startHttpServer((req: IncomingMessage, res) => {
    hits.set(req.url ?? '/', (hits.get(req.url ?? '/') ?? 0) + 1);
    res.writeHead(req.url === '/fail' ? 503 : 200).end('hello');
  });
  return { server, hits };
}

function configYaml(url: string, names: string[], extra = '') {
  return `workers: 2\nmax_concurrent_checks: 4\n${extra}monitors:\n${names.map((name) => `  ${name}: { url: "${url}/${name}", check_every: 0.5, timeout: 0.4 }\n`).join('')}`;
}

describe('the daemon with workers: 2', () => {
  beforeAll(() => ensureBuilt());
  let target: Awaited<ReturnType<typeof startTarget>>;
  beforeEach(async () => {
    target = await startTarget();
  });
  afterEach(async () => {
    killDaemons();
    await target.server.close();
  });

  it('logs every monitor’s checks from its worker, reloads in place (SIGHUP), and exits within a second on SIGTERM', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const file = writeTempConfig(configYaml(`${target.server.url}`, names, 'log: { level: info }\n'));
    const daemon = startDaemon(['--config', file]);
    await daemon.waitFor((records) => names.every((name) => checksOf(records, name).length >= 2), 20_000);
    for (const name of names) {
      const checks = checksOf(daemon.records, name);
      expect(checks.every((check) => check.ok && check.status === 200 && check.url === `${target.server.url}/${name}`)).toBe(true);
    }

    writeFileSync(file, configYaml(`${target.server.url}`, [...names.slice(1), 'added']));
    daemon.child.kill('SIGHUP');
    await daemon.waitFor((records) => checksOf(records, 'added').length >= 2, 20_000);
    const removedAt = checksOf(daemon.records, 'w0').length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(checksOf(daemon.records, 'w0').length).toBe(removedAt);

    daemon.child.kill('SIGTERM');
    const { code, afterMs } = await daemon.exited();
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(1_000);
    expect(daemon.records.at(-1)?.msg).toBe('Shutdown finished successfully');
    expect(daemon.junk).toEqual([]);
  });

  it('--once checks each monitor once and exits with the usual codes', async () => {
    const ok = await runDaemon(['--once', '--config', writeTempConfig(configYaml(`${target.server.url}`, ['a', 'b']))]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n').filter((line) => line.includes('"durationMs"'))).toHaveLength(2);
    const failing = await runDaemon(['--once', '--config', writeTempConfig(configYaml(`${target.server.url}`, ['a', 'fail']))]);
    expect(failing.code).toBe(1);
  });

  it('a bad workers: value is a config error naming the line (exit 2)', async () => {
    const file = writeTempConfig('monitors:\n  a: { url: "http://127.0.0.1:1/" }\nworkers: lots\n');
    const { code, stderr } = await runDaemon(['--validate', '--config', file]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`${file}:3: workers: expected auto or a whole number of worker threads from 0 to 64, got a string`);
  });
});
