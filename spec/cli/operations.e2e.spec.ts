import { writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checksOf, ensureBuilt, killDaemons, listenUrl, startDaemon, writeTempConfig } from '../support/daemon.js';

/** A local target (`/ok` 200, `/fail` 503, `/slow` never answers) and a webhook receiver (`/hook`). */
async function startTarget() {
  const hooks: Array<{ headers: Record<string, unknown>; body: string }> = [];
  let slowClosed = 0;
  let slowArrived = 0;
  let failing = false;
  const server: Server = createServer((req, res) => {
    if (req.url === '/hook') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.end('ok');
      });
      return;
    }
    if (req.url === '/slow') {
      slowArrived++;
      req.socket.on('close', () => slowClosed++);
      return;
    }
    if (req.url === '/flaky' && failing) {
      res.writeHead(503).end('down');
      return;
    }
    res.writeHead(req.url === '/fail' ? 503 : 200).end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hooks,
    slowClosed: () => slowClosed,
    slowArrived: () => slowArrived,
    setFailing: (value: boolean) => (failing = value),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}


let target: Awaited<ReturnType<typeof startTarget>>;
beforeAll(async () => {
  ensureBuilt();
  target = await startTarget();
});
afterEach(killDaemons);
afterAll(() => target.close());

describe('operating the daemon', () => {
  it('reloads on SIGHUP: keeps unchanged monitors, stops removed ones (aborting them), starts added ones, rejects a bad config', async () => {
    const yaml = (monitors: string) => `monitors:\n${monitors}`;
    const config = writeTempConfig(
      yaml(`  keep: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n  slow: { url: "${target.url}/slow", check_every: 5, timeout: 5 }\n`),
    );
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'keep').length >= 2 && target.slowArrived() >= 1);
    // `slow` has a request in flight now (it never answers); drop it and add `added`.
    writeFileSync(config, yaml(`  keep: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n  added: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`));
    daemon.child.kill('SIGHUP');
    await daemon.waitFor((records) => checksOf(records, 'added').length >= 2);
    expect(daemon.records.some((record) => record.msg === 'monitor slow removed')).toBe(true);
    expect(daemon.records.some((record) => record.msg === 'monitor keep added or changed')).toBe(false);
    await daemon.waitFor(() => target.slowClosed() >= 1);

    // A broken config is logged with its file:line message and the running monitors go on.
    writeFileSync(config, yaml(`  keep: { url: "${target.url}/ok", check_every: 0.2, timeout: -1 }\n`));
    daemon.child.kill('SIGHUP');
    await daemon.waitFor((records) => records.some((record) => /^config rejected/.test(record.msg)));
    const rejected = daemon.records.find((record) => /^config rejected/.test(record.msg))!;
    expect(rejected.msg).toMatch(/config\.yml:2: monitors\.keep\.timeout: /);
    const before = checksOf(daemon.records, 'added').length;
    await daemon.waitFor((records) => checksOf(records, 'added').length >= before + 2);

    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });

  it('serves /metrics, /healthz and POST /-/reload on the listener', async () => {
    const config = writeTempConfig(`server: { port: 0 }\nmonitors:\n  web: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'web').length >= 1 && listenUrl(records) !== undefined);
    const base = listenUrl(daemon.records);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('/healthz', base));
    expect(health.status).toBe(200);
    const metrics = await (await fetch(new URL('/metrics', base))).text();
    expect(metrics).toMatch(new RegExp(`probe_success\\{monitor="web",url="${target.url}/ok"\\} 1`));
    expect(metrics).toMatch(/rxmon_monitors 1/);
    const reload = await fetch(new URL('/-/reload', base), { method: 'POST' });
    expect(reload.status).toBe(200);
    expect(await reload.text()).toMatch(/reloaded/);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });

  it('logs state changes and sends an alert on down and on resolved', async () => {
    target.setFailing(true);
    const config = writeTempConfig(`
alerts:
  - webhook: ${target.url}/hook
    send_on_resolved: true
    body: '{"text": "{{monitor}} is {{state}}: {{error}}"}'
monitors:
  flaky: { url: "${target.url}/flaky", check_every: 0.2, timeout: 0.2, failure_threshold: 2, success_threshold: 1 }
`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => records.some((record) => record.msg === 'flaky is DOWN after 2 failed checks: UNEXPECTED_STATUS status 503, expected 200-399'));
    await daemon.waitFor(() => target.hooks.length >= 1);
    target.setFailing(false);
    await daemon.waitFor((records) => records.some((record) => record.msg === 'flaky is UP after 1 ok checks'));
    await daemon.waitFor(() => target.hooks.length >= 2);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
    const down = daemon.records.find((record) => record.state === 'down')!;
    expect(down.level).toBe(40);
    expect(JSON.parse(target.hooks[0].body).text).toBe('flaky is DOWN: status 503, expected 200-399');
    expect(JSON.parse(target.hooks[1].body).text).toMatch(/^flaky is UP/);
  });

  it('--watch reloads when the config file changes', async () => {
    const config = writeTempConfig(`monitors:\n  first: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`);
    const daemon = startDaemon(['--watch', '--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'first').length >= 1);
    writeFileSync(config, `monitors:\n  second: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`);
    await daemon.waitFor((records) => checksOf(records, 'second').length >= 2);
    const removedAt = daemon.records.findIndex((record) => record.msg === 'monitor first removed');
    expect(removedAt).toBeGreaterThan(0);
    expect(daemon.records.slice(removedAt + 1).some((record) => record.monitor === 'first' && 'durationMs' in record)).toBe(false);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });

  it('labels metrics with the shard', async () => {
    const config = writeTempConfig(`server: { port: 0 }\nmonitors:\n  web: { url: "${target.url}/ok", check_every: 0.2, timeout: 0.2 }\n`);
    const daemon = startDaemon(['--shard', '0/1', '--config', config]);
    await daemon.waitFor((records) => checksOf(records, 'web').length >= 1 && listenUrl(records) !== undefined);
    const metrics = await (await fetch(new URL('/metrics', listenUrl(daemon.records)))).text();
    expect(metrics).toMatch(/rxmon_monitors\{shard="0\/1"\} 1/);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });
});
