import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIN, ROOT, ensureBuilt, killDaemons, startDaemon, writeTempConfig } from '../support/daemon.js';
import { manyMonitorsYaml } from './support/manyMonitors.js';
import { canReadSignalMasks, waitUntilCatches } from './support/signalHandlers.js';
import { type SilentServer, startSilentServer } from './support/silentServer.js';
import { streamsClosed } from './support/streamsClosed.js';

// Issue 7 §3: shutdown under load, a forced exit, a signal during start-up, a closed stdout.

/** The promise is 1 s; the bound is generous so a busy 2-core CI machine does not flake. */
const SHUTDOWN_BOUND_MS = 2_500;
const IN_FLIGHT = 1_000;
/** A stack-trace line, as Node prints them. */
const STACK_LINE = /^\s+at .+/m;

const messagesOf = (records: Array<Record<string, any>>) => records.map((record) => record.msg as string);

let silent: SilentServer;
beforeAll(async () => {
  ensureBuilt();
  silent = await startSilentServer();
});
afterEach(killDaemons);
afterAll(() => silent.close());

/**
 * 1,000 monitors pointing at the silent server, `check_every` = `timeout` = 3 s: after the first
 * 3 s (the spread of first checks) each monitor always has one request in flight.
 */
function inFlightConfig(): string {
  return writeTempConfig(
    manyMonitorsYaml({
      count: IN_FLIGHT,
      urlOf: (i) => `${silent.url}/hang/${i}`,
      checkEvery: '3',
      timeout: '3',
      top: `max_concurrent_checks: ${IN_FLIGHT}`,
    }),
  );
}

/** 10,000 monitors (loading and composing them takes a moment), nothing listening behind them. */
function bigConfig(): string {
  return writeTempConfig(manyMonitorsYaml({ count: 10_000, urlOf: (i) => `http://127.0.0.1:9/${i}`, checkEvery: '60', timeout: '5' }));
}

describe('when SIGTERM arrives with 1,000 checks in flight', () => {
  it('exits 0 promptly, aborts every request and flushes its last records', async () => {
    const daemon = startDaemon(['--config', inFlightConfig()]);
    const closed = streamsClosed(daemon.child);
    // ~1,000: a few monitors may be between a timed-out check and the next one at any instant.
    await silent.waitForOpen(IN_FLIGHT - 10, 15_000);
    const openAtSignal = silent.open();

    const sentAt = Date.now();
    daemon.child.kill('SIGTERM');
    const { code, signal } = await closed;
    const exitMs = Date.now() - sentAt;
    await silent.waitForNoneOpen(1_000);
    const allClosedMs = Date.now() - sentAt;
    console.info(`shutdown with ${openAtSignal} checks in flight: exited after ${exitMs} ms, all sockets closed after ${allClosedMs} ms`);

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(silent.open()).toBe(0);
    expect(messagesOf(daemon.records).slice(-2)).toEqual(['Shutting down', 'Shutdown finished successfully']);
    expect(daemon.junk).toEqual([]);
    expect(daemon.stderr()).toBe('');
  });
});

describe('a second SIGINT', () => {
  it('forces the exit with 130 while the first shutdown is still waiting for start-up to finish', async () => {
    if (!canReadSignalMasks()) throw new Error('this test needs /proc/<pid>/status (Linux)');
    const daemon = startDaemon(['--config', bigConfig()]);
    const closed = streamsClosed(daemon.child);
    // The first SIGINT cannot finish before the 10,000 monitors are loaded and composed (seconds);
    // the second one must not wait for that.
    await waitUntilCatches(daemon.child.pid!, 'SIGINT', 10_000);
    const sentAt = Date.now();
    daemon.child.kill('SIGINT');
    daemon.child.kill('SIGINT');
    const { code, signal } = await closed;
    const exitMs = Date.now() - sentAt;
    console.info(`double SIGINT during start-up: exit ${code} after ${exitMs} ms`);

    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(exitMs).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(daemon.stderr()).toBe('');
    expect(messagesOf(daemon.records)).not.toContain('Starting up');
  });

  it('still exits promptly when it comes during a shutdown under load (0 or 130, whichever wins)', async () => {
    const daemon = startDaemon(['--config', inFlightConfig()]);
    const closed = streamsClosed(daemon.child);
    await silent.waitForOpen(IN_FLIGHT - 10, 15_000);
    const sentAt = Date.now();
    daemon.child.kill('SIGINT');
    daemon.child.kill('SIGINT');
    const { code, signal } = await closed;
    const exitMs = Date.now() - sentAt;
    console.info(`double SIGINT with ${IN_FLIGHT} checks in flight: exit ${code} after ${exitMs} ms`);

    expect(signal).toBeNull();
    expect([0, 130]).toContain(code);
    expect(exitMs).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(daemon.stderr()).toBe('');
    await silent.waitForNoneOpen(1_000);
  });
});

describe('when SIGTERM arrives during start-up', () => {
  it('exits 0 without a trace once start-up has caught up with it', async () => {
    if (!canReadSignalMasks()) throw new Error('this test needs /proc/<pid>/status (Linux)');
    const daemon = startDaemon(['--config', bigConfig()]);
    const closed = streamsClosed(daemon.child);
    await waitUntilCatches(daemon.child.pid!, 'SIGTERM', 10_000);
    const recordsAtSignal = daemon.records.length;
    const sentAt = Date.now();
    daemon.child.kill('SIGTERM');
    const { code, signal } = await closed;
    console.info(`SIGTERM during start-up (10,000 monitors): exit ${code} after ${Date.now() - sentAt} ms`);

    expect(recordsAtSignal).toBe(0); // it really was still starting up
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(daemon.stderr()).toBe('');
    expect(daemon.junk).toEqual([]);
    // Start-up completes into an immediate, clean shutdown: no check is started.
    expect(messagesOf(daemon.records)).toEqual(['Starting up', 'Shutting down', 'Shutdown finished successfully']);
  });

  it('ends at once and quietly when the signal comes before any handler is installed', async () => {
    const daemon = startDaemon(['--config', bigConfig()]);
    const closed = streamsClosed(daemon.child);
    daemon.child.kill('SIGTERM');
    const { code, signal } = await closed;
    // Before rxmon's handler exists, the default action ends the process; after, it is a clean exit 0.
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(daemon.stderr()).toBe('');
  });
});

describe('when stdout is closed', () => {
  let target: Server;
  let targetUrl: string;
  beforeAll(async () => {
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  it('`rxmon | head -n 1` ends the daemon quietly: pipeline status 0, one line out, nothing on stderr', async () => {
    const config = writeTempConfig(`monitors:\n  web: { url: "${targetUrl}", check_every: 0.1, timeout: 0.1 }\n`);
    const child = spawn('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${MAIN}" --config "${config}" | head -n 1`], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const { code, signal } = await streamsClosed(child);
    clearTimeout(timer);

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout).msg).toBe('Starting up');
  });

  it('a destroyed stdout pipe ends it with exit 0 and no stack trace, even with checks in flight', async () => {
    const daemon = startDaemon(['--config', inFlightConfig()]);
    const closed = streamsClosed(daemon.child);
    await silent.waitForOpen(IN_FLIGHT - 10, 15_000);
    daemon.child.stdout.destroy();
    const { code, signal } = await closed;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(daemon.stderr()).not.toMatch(STACK_LINE);
    expect(daemon.stderr()).toBe('');
    await silent.waitForNoneOpen(1_000);
  });
});
