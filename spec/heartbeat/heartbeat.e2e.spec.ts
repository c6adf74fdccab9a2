import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpServer, type TestServer } from '../support/httpServers.js';
import { checksOf, ensureBuilt, killDaemons, listenUrl, runDaemon, startDaemon, writeTempConfig } from '../support/daemon.js';

const TOKEN = '5e1f0c0ffee5e1f0c0ffee5e1f0';
const BEARER = 'server-bearer-of-the-listener';

/**
 * One request with node:http, the way a cron job's curl would.
 *
 * @returns The status and body.
 */
function send(method: string, url: string, { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a daemon with a heartbeat monitor', () => {
  let target: TestServer;
  beforeAll(async () => {
    ensureBuilt();
    target = await startHttpServer((_req, res) => res.end('ok'));
  });
  afterEach(killDaemons);
  afterAll(async () => {
    await target.close();
  });

  it('is ok on a ping, down after the deadline, up on the next ping, down on /fail; 404s counted; the token never printed', async () => {
    const file = writeTempConfig(
      [
        'server: { port: 0, auth: { bearer: "${RXMON_BEARER}" } }',
        'monitors:',
        '  backup:',
        '    heartbeat: { expect_every: 0.6s, grace: 0.3s, token: "${JOB_TOKEN}" }',
        '',
      ].join('\n'),
    );
    const daemon = startDaemon(['--config', file], { JOB_TOKEN: TOKEN, RXMON_BEARER: BEARER });
    await daemon.waitFor((records) => listenUrl(records) !== undefined);
    const ping = (suffix = '', method = 'GET') => send(method, new URL(`/ping/backup/${TOKEN}${suffix}`, listenUrl(daemon.records)).href);
    const states = () => daemon.records.filter((record) => record.monitor === 'backup' && typeof record.state === 'string').map((record) => record.state);
    const results = () => checksOf(daemon.records, 'backup');

    // A ping, without server.auth: ok at once, and the monitor is up.
    expect(await ping()).toEqual({ status: 200, text: 'OK\n' });
    await daemon.waitFor(() => states().length === 1);
    expect(results()[0]).toMatchObject({ ok: true, method: 'GET', url: '/ping/backup/***', durationMs: 0 });
    expect(states()).toEqual(['up']);

    // No ping for expect_every + grace: a missed result, and down.
    await daemon.waitFor(() => states().length === 2, 10_000);
    const missed = results().find((result) => !result.ok)!;
    expect(missed).toMatchObject({ method: 'HEARTBEAT', url: '/ping/backup/***', error: { code: 'HEARTBEAT_MISSED' } });
    expect(Date.parse(missed.startedAt) - Date.parse(results()[0].startedAt)).toBeGreaterThanOrEqual(900);
    expect(states()).toEqual(['up', 'down']);

    // The next good ping (a POST with a body, as `curl -d @log` sends): up again.
    expect((await send('POST', new URL(`/ping/backup/${TOKEN}`, listenUrl(daemon.records)).href, { body: 'job output' })).status).toBe(200);
    await daemon.waitFor(() => states().length === 3);
    expect(states()).toEqual(['up', 'down', 'up']);

    // /start then /fail: down at once, with the job's duration.
    await ping('/start');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ping('/fail');
    await daemon.waitFor(() => states().length === 4);
    expect(states()).toEqual(['up', 'down', 'up', 'down']);
    const failed = results().find((result) => result.error?.code === 'HEARTBEAT_FAILED')!;
    expect(failed.durationMs).toBeGreaterThanOrEqual(40);

    // A wrong token and an unknown name: 404, counted by reason.
    expect((await send('GET', new URL('/ping/backup/wrong-token-wrong-token', listenUrl(daemon.records)).href)).status).toBe(404);
    expect((await send('GET', new URL(`/ping/nobody/${TOKEN}`, listenUrl(daemon.records)).href)).status).toBe(404);
    const metrics = await send('GET', new URL('/metrics', listenUrl(daemon.records)).href, { headers: { authorization: `Bearer ${BEARER}` } });
    expect(metrics.text).toMatch(/^rxmon_heartbeat_rejected_pings_total\{reason="wrong_token"\} 1$/m);
    expect(metrics.text).toMatch(/^rxmon_heartbeat_rejected_pings_total\{reason="unknown_monitor"\} 1$/m);
    expect(metrics.text).toMatch(/^probe_success\{monitor="backup",url="\/ping\/backup\/\*\*\*"\} [01]$/m);
    expect(metrics.text).not.toContain(TOKEN);

    // The API and the status page show it like any monitor.
    const auth = { headers: { authorization: `Bearer ${BEARER}` } };
    const api = await send('GET', new URL('/api/v1/monitors/backup', listenUrl(daemon.records)).href, auth);
    expect(JSON.parse(api.text)).toMatchObject({ name: 'backup', state: 'down', last: { ok: false, url: '/ping/backup/***', error: { code: 'HEARTBEAT_FAILED' } } });
    const page = await send('GET', new URL('/monitors/backup', listenUrl(daemon.records)).href, auth);
    expect(page.status).toBe(200);
    expect(page.text).toContain('HEARTBEAT /ping/backup/***');
    expect(page.text).toContain('HEARTBEAT_FAILED');
    for (const text of [api.text, page.text]) expect(text).not.toContain(TOKEN);

    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
    expect(daemon.junk).toEqual([]);
    expect(JSON.stringify(daemon.records)).not.toContain(TOKEN);
    expect(daemon.stderr()).not.toContain(TOKEN);
  });

  it('counts the first deadline after a restart from the last stored result, not from the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxmon-heartbeat-'));
    try {
      const file = writeTempConfig(
        [
          `storage: { type: sqlite, path: "${join(dir, 'rxmon.sqlite')}", flush_every: 0.1 }`,
          'server: { port: 0 }',
          'monitors:',
          '  backup:',
          '    heartbeat: { expect_every: 3s, grace: 1s, token: "${JOB_TOKEN}" }',
          '',
        ].join('\n'),
      );
      const first = startDaemon(['--config', file], { JOB_TOKEN: TOKEN });
      await first.waitFor((records) => listenUrl(records) !== undefined);
      expect((await send('GET', new URL(`/ping/backup/${TOKEN}`, listenUrl(first.records)).href)).status).toBe(200);
      await first.waitFor((records) => checksOf(records, 'backup').length === 1);
      const pingedAt = Date.parse(checksOf(first.records, 'backup')[0].startedAt);
      // Away for a while, then back: the window (4 s) has partly passed.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      first.child.kill('SIGTERM');
      expect((await first.exited()).code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));

      const second = startDaemon(['--config', file], { JOB_TOKEN: TOKEN });
      await second.waitFor((records) => records.some((record) => record.msg === 'Starting up'));
      const startedAt = Date.parse(second.records.find((record) => record.msg === 'Starting up')!.time);
      await second.waitFor((records) => checksOf(records, 'backup').length >= 1, 10_000);
      const missed = checksOf(second.records, 'backup')[0];
      expect(missed).toMatchObject({ ok: false, error: { code: 'HEARTBEAT_MISSED' } });
      const missedAt = Date.parse(missed.startedAt);
      // Due 4 s after the stored ping, which is before 4 s after this start.
      expect(missedAt - pingedAt).toBeGreaterThanOrEqual(4_000);
      expect(missedAt).toBeLessThan(startedAt + 4_000);
      second.child.kill('SIGTERM');
      expect((await second.exited()).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--once checks the url monitors, skips the heartbeat monitor with a note, and exits 0', async () => {
    const file = writeTempConfig(
      `server: { port: 0 }\nmonitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: "\${JOB_TOKEN}" }\n  web: { url: "${target.url}/", timeout: 1 }\n`,
    );
    const { code, stdout } = await runDaemon(['--once', '--config', file], { JOB_TOKEN: TOKEN });
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(code).toBe(0);
    expect(records.filter((record) => typeof record.durationMs === 'number').map((record) => record.monitor)).toEqual(['web']);
    expect(records.find((record) => record.monitor === 'backup')?.msg).toBe('heartbeat monitor backup skipped: --once checks URLs, a heartbeat is pinged by its job');
    expect(stdout).not.toContain(TOKEN);
  });

  it('exits 2 with one file:line: key: problem line for a heartbeat monitor without server:', async () => {
    const file = writeTempConfig(`monitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: "\${JOB_TOKEN}" }\n`);
    const { code, stdout, stderr } = await runDaemon(['--validate', '--config', file], { JOB_TOKEN: TOKEN });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${file}:3: monitors.backup.heartbeat: a heartbeat monitor needs the listener (set server.port): jobs ping /ping/<name>/<token> on it\n`);
  });
});
