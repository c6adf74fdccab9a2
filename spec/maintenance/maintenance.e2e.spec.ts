import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Receiver, eventually, recordingReceiver } from '../alerts/webhookReceivers.js';
import { checksOf, ensureBuilt, killDaemons, listenUrl, runDaemon as runCli, startDaemon, writeTempConfig } from '../support/daemon.js';

const TOKEN = 'maint-e2e-token-77c1';
let target: Server;
let targetUrl: string;
let receiver: Receiver;
/** What `/switch` answers: 200 until a test turns it to failing. */
let switchFails = false;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'rxmon-maint-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  ensureBuilt();
  target = createServer((req, res) => res.writeHead(req.url === '/fail' || (req.url === '/switch' && switchFails) ? 503 : 200).end('ok'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
beforeEach(async () => {
  switchFails = false;
  receiver = await recordingReceiver();
});
afterEach(async () => {
  killDaemons();
  await receiver.close();
});
afterAll(async () => {
  await new Promise<void>((resolve) => target.close(() => resolve()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const api = async (base: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> => {
  const response = await fetch(new URL(path, base), { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  return { status: response.status, body: await response.json() };
};

/** Polls until `read` gives a value that `done` accepts (the store is written in batches). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs = 10_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('maintenance windows on the real daemon', () => {
  it('in a config window: failing checks are stored marked, no alert, the API says maintenance; after it: the alert', async () => {
    const startIso = new Date(Date.now() - 60_000).toISOString();
    const endMs = Date.now() + 6_000;
    const config = writeTempConfig(
      [
        `server: { port: 0, auth: { bearer: "${TOKEN}" } }`,
        `storage: { type: sqlite, path: "${join(tempDir(), 'rxmon.db')}", flush_every: 0.2 }`,
        'monitors:',
        `  api: { url: "${targetUrl}/fail", check_every: 0.2, timeout: 0.2, failure_threshold: 1 }`,
        `  web: { url: "${targetUrl}/ok", check_every: 0.2, timeout: 0.2, success_threshold: 1 }`,
        'alerts:',
        `  - webhook: "${receiver.base}/hook"`,
        'maintenance:',
        `  - { name: deploy, monitors: [api], start: "${startIso}", end: "${new Date(endMs).toISOString()}" }`,
        '',
      ].join('\n'),
    );
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => listenUrl(records) !== undefined && checksOf(records, 'api').length >= 3, 15_000);
    const base = listenUrl(daemon.records);

    const during = await api(base, '/api/v1/monitors/api');
    expect(Date.now()).toBeLessThan(endMs);
    expect(during.body).toEqual(
      expect.objectContaining({ state: 'maintenance', maintenance: { name: 'deploy', source: 'config', start: new Date(Date.parse(startIso)).toISOString(), end: new Date(endMs).toISOString() } }),
    );
    expect((await api(base, '/api/v1/monitors/web')).body).toEqual(expect.objectContaining({ state: 'up', maintenance: null }));
    const stored = await until(
      () => api(base, '/api/v1/monitors/api/results?limit=5').then(({ body }) => body.results as Array<Record<string, unknown>>),
      (results) => results.length >= 3,
    );
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const result of stored) expect(result).toEqual(expect.objectContaining({ ok: false, status: 503, maintenance: true }));
    expect(checksOf(daemon.records, 'api').every((record) => record.maintenance === true || Date.parse(record.startedAt) >= endMs)).toBe(true);
    const listed = (await api(base, '/api/v1/maintenance')).body;
    expect(listed.active).toEqual([expect.objectContaining({ name: 'deploy', monitors: ['api'] })]);
    expect(receiver.requests).toEqual([]);

    // The window ends: the monitor is down, so the held-back down alert goes out now.
    await eventually(() => receiver.requests.length >= 1, 15_000);
    const alertedAt = Date.now();
    expect(alertedAt).toBeGreaterThanOrEqual(endMs);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].body).toMatch(/api/);
    const after = await until(
      () => api(base, '/api/v1/monitors/api'),
      ({ body }) => body.state === 'down' && body.last?.maintenance === undefined,
    );
    expect(after.body).toEqual(expect.objectContaining({ state: 'down', maintenance: null }));
    expect(after.body.last.maintenance).toBeUndefined();
    // The uptime figures leave the maintenance checks out: only the failures after the window count.
    const uptime = (await api(base, '/api/v1/monitors/api/uptime?window=24h')).body;
    expect(uptime.ok).toBe(0);
  }, 40_000);

  it('ad hoc through the CLI and the API (behind server.auth): start, list, stop; the alert waits for the stop', async () => {
    const config = writeTempConfig(
      [
        `server: { port: 0, auth: { bearer: "${TOKEN}" } }`,
        `storage: { type: sqlite, path: "${join(tempDir(), 'rxmon.db')}", flush_every: 0.2 }`,
        'monitors:',
        `  api: { url: "${targetUrl}/switch", check_every: 0.2, timeout: 0.2, failure_threshold: 3, success_threshold: 1, group: payments }`,
        'alerts:',
        `  - webhook: "${receiver.base}/hook"`,
        '',
      ].join('\n'),
    );
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => listenUrl(records) !== undefined, 15_000);
    const base = listenUrl(daemon.records);
    const cli = (...args: string[]) => runCli(['maintenance', ...args, '--config', config, '--url', base]);

    await daemon.waitFor((records) => checksOf(records, 'api').some((record) => record.ok === true), 10_000);
    // The deploy script opens a window for the group, then the deploy breaks the target.
    const started = await cli('start', '--group', 'payments', '--for', '30m', '--reason', 'deploy 1.2.3');
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const window = JSON.parse(started.stdout);
    expect(window).toEqual({ id: expect.any(String), group: 'payments', start: expect.any(String), end: expect.any(String), reason: 'deploy 1.2.3' });
    expect(Date.parse(window.end) - Date.parse(window.start)).toBe(30 * 60_000);

    const monitor = await until(() => api(base, '/api/v1/monitors/api'), ({ body }) => body.state === 'maintenance');
    switchFails = true;
    expect(monitor.body.maintenance).toEqual({ name: 'ad hoc', source: 'adhoc', id: window.id, start: window.start, end: window.end, reason: 'deploy 1.2.3' });
    await daemon.waitFor((records) => checksOf(records, 'api').filter((record) => record.maintenance === true && record.ok === false).length >= 5, 10_000);
    expect(receiver.requests).toEqual([]);

    const listed = await cli('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([window]);
    expect((await fetch(new URL('/api/v1/maintenance', base), { method: 'POST', body: '{}' })).status).toBe(401);
    const unknown = await cli('start', '--monitor', 'nope', '--for', '5m');
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: `rxmon: ${base.replace(/\/$/, '')}: monitor: unknown monitor "nope"\n` });

    const stopped = await cli('stop', '--group', 'payments');
    expect(stopped).toEqual({ code: 0, stdout: '{"stopped":1}\n', stderr: '' });
    await eventually(() => receiver.requests.length >= 1, 10_000);
    expect(receiver.requests[0].body).toMatch(/api/);
    expect((await until(() => api(base, '/api/v1/monitors/api'), ({ body }) => body.state === 'down')).body.state).toBe('down');
    expect((await api(base, '/api/v1/maintenance')).body).toEqual({ active: [], adHoc: [] });
  }, 40_000);

  it('without a daemon the CLI writes the store; the daemon started later is in maintenance at once', async () => {
    const db = join(tempDir(), 'rxmon.db');
    const config = writeTempConfig(
      [
        `server: { port: 0, auth: { bearer: "${TOKEN}" } }`,
        `storage: { type: sqlite, path: "${db}", flush_every: 0.2 }`,
        'monitors:',
        `  api: { url: "${targetUrl}/ok", check_every: 0.2, timeout: 0.2, success_threshold: 1 }`,
        '',
      ].join('\n'),
    );
    const started = await runCli(['maintenance', 'start', '--monitor', 'api', '--for', '1h', '--config', config]);
    expect(started.stderr).toBe('');
    expect(JSON.parse(started.stdout)).toEqual(expect.objectContaining({ monitor: 'api' }));

    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => listenUrl(records) !== undefined && checksOf(records, 'api').length >= 1, 15_000);
    expect(checksOf(daemon.records, 'api')[0].maintenance).toBe(true);
    expect((await api(listenUrl(daemon.records), '/api/v1/monitors/api')).body.state).toBe('maintenance');

    // While the daemon holds the SQLite file, only its API can take a change.
    const refused = await runCli(['maintenance', 'stop', '--monitor', 'api', '--config', config]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^rxmon: .*in use by another rxmon \(pid \d+\) \(give the daemon a server: listener, or --url, so the CLI goes through its API\)\n$/);
  }, 40_000);

  it('refuses a bad command line with one line and exit 2', async () => {
    const config = writeTempConfig(`monitors:\n  api: { url: "${targetUrl}/ok" }\n`);
    expect(await runCli(['maintenance', 'start', '--monitor', 'api', '--config', config])).toEqual({
      code: 2,
      stdout: '',
      stderr: "rxmon: maintenance start: --for is required (such as --for 30m)\nTry 'rxmon maintenance --help'.\n",
    });
    expect(await runCli(['maintenance', 'start', '--monitor', 'api', '--for', '30m', '--config', config])).toEqual({
      code: 2,
      stdout: '',
      stderr: `rxmon: ${config}: with type: memory (or no storage:) windows live in the daemon only: give it a server: listener (or pass --url)\n`,
    });
  }, 20_000);
});
