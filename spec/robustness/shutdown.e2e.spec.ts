import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIN, ROOT, ensureBuilt, killDaemons, startDaemon, writeTempConfig } from '../support/daemon.js';
import { manyMonitorsYaml } from './support/manyMonitors.js';
import { type SilentServer, startSilentServer } from './support/silentServer.js';
import { streamsClosed } from './support/streamsClosed.js';

// Issue 7 §3: shutdown under load, a forced exit, a signal during start-up, a closed stdout.

/** The promise is 1 s; the bound is generous so a busy 2-core CI machine does not flake. */
const SHUTDOWN_BOUND_MS = 2_500;
const IN_FLIGHT = 1_000;
/** Between two signals of one kind: two pending signals of one kind are delivered as one. */
const SIGNAL_GAP_MS = 50;
/**
 * `Starting up` to `Shutting down` when a signal was pending: both come from one synchronous block
 * then; starting 10,000 monitors first takes hundreds of ms.
 */
const START_STOP_GAP_MS = 50;
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
function inFlightConfig(extraTop = ''): string {
  return writeTempConfig(
    manyMonitorsYaml({
      count: IN_FLIGHT,
      urlOf: (i) => `${silent.url}/hang/${i}`,
      checkEvery: '3',
      timeout: '3',
      top: `max_concurrent_checks: ${IN_FLIGHT}\n${extraTop}`,
    }),
  );
}

/** 10,000 monitors (loading and composing them takes a moment), nothing listening behind them. */
function bigConfig(): string {
  return writeTempConfig(manyMonitorsYaml({ count: 10_000, urlOf: (i) => `http://127.0.0.1:9/${i}`, checkEvery: '60', timeout: '5' }));
}

/**
 * Waits until (about) every one of the {@link IN_FLIGHT} monitors has a request open at the silent
 * server: all of them when it comes to that within a second of the first 990 (a monitor may be between
 * a timed-out check and its next one at any instant).
 */
async function allInFlight(): Promise<void> {
  await silent.waitForOpen(IN_FLIGHT - 10, 15_000);
  await silent.waitForOpen(IN_FLIGHT, 1_000).catch(() => undefined);
}

describe('when SIGTERM arrives with 1,000 checks in flight', () => {
  it('exits 0 promptly, aborts every request and flushes its last records', async () => {
    const daemon = startDaemon(['--config', inFlightConfig()]);
    const closed = streamsClosed(daemon.child);
    await allInFlight();
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
    // No request outlives the daemon. (An exiting process's sockets close anyway; that the daemon
    // itself aborts a check it unsubscribes is shown by the reload test in spec/cli, where it goes on running.)
    expect(silent.open()).toBe(0);
    expect(messagesOf(daemon.records).slice(-2)).toEqual(['Shutting down', 'Shutdown finished successfully']);
    expect(daemon.junk).toEqual([]);
    expect(daemon.stderr()).toBe('');
  });
});

/**
 * Starts the daemon on {@link bigConfig} and sends `signals` during its start-up (while it loads and
 * composes 10,000 monitors). Node's own handlers end the process until rxmon installs its own, a
 * few hundred ms in, so the first signal goes after `delays[k]` ms; an attempt whose process died of
 * the signal itself (too early) is retried with the next delay.
 *
 * @param signals Sent back to back.
 * @returns The daemon, when the signals were sent, and how it ended.
 */
async function signalDuringStartUp(signals: NodeJS.Signals[]) {
  const config = bigConfig();
  for (const delay of [300, 600, 1_200, 2_000]) {
    const daemon = startDaemon(['--config', config]);
    const closed = streamsClosed(daemon.child);
    await new Promise((resolve) => setTimeout(resolve, delay));
    const sentAt = Date.now();
    for (const [i, signal] of signals.entries()) {
      // Apart, or the kernel merges two pending signals of one kind into one.
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, SIGNAL_GAP_MS));
      daemon.child.kill(signal);
    }
    const ended = await closed;
    const exitMs = Date.now() - sentAt;
    if (ended.code === null && ended.signal === signals[0]) {
      expect(daemon.stderr()).toBe(''); // killed by the default action: quiet too
      console.info(`${signals.join('+')} ${delay} ms after spawn came before rxmon's handler; trying later`);
      continue;
    }
    return { daemon, sentAt, exitMs, delay, ...ended };
  }
  throw new Error('the daemon never caught the signal during start-up');
}

/** When the daemon logged `Starting up` (its own clock), or undefined. */
const startedAt = (records: Array<Record<string, any>>) => {
  const record = records.find((candidate) => candidate.msg === 'Starting up');
  return record === undefined ? undefined : Date.parse(record.time);
};

/** Check records among what the daemon logged. */
const checkCount = (records: Array<Record<string, any>>) => records.filter((record) => typeof record.durationMs === 'number').length;

describe('a second SIGINT during start-up', () => {
  let run: Awaited<ReturnType<typeof signalDuringStartUp>>;
  beforeAll(async () => {
    run = await signalDuringStartUp(['SIGINT', 'SIGINT']);
    const started = startedAt(run.daemon.records);
    console.info(
      `double SIGINT during start-up (${run.delay} ms after spawn): exit ${run.code} after ${run.exitMs} ms, ` +
        `${started === undefined ? 'never started' : `${run.sentAt + run.exitMs - started} ms after Starting up`}, ` +
        `${checkCount(run.daemon.records)} checks`,
    );
  }, 30_000);

  it('ends the daemon quietly (0 or 130) as soon as start-up lets JavaScript run', () => {
    const { daemon, code, signal, sentAt, exitMs } = run;
    const started = startedAt(daemon.records);
    expect(signal).toBeNull();
    expect([0, 130]).toContain(code);
    expect(daemon.stderr()).toBe('');
    expect(started === undefined || started > sentAt).toBe(true);
    if (started !== undefined) expect(sentAt + exitMs - started).toBeLessThan(SHUTDOWN_BOUND_MS);
    if (code === 0) expect(messagesOf(daemon.records).slice(-2)).toEqual(['Shutting down', 'Shutdown finished successfully']);
  });

  // monitors have started; the first one's shutdown then finishes before the second is read, so the
  it('forces the exit with 130 before any monitor starts', () => {
    expect(run.code).toBe(130);
    expect(messagesOf(run.daemon.records)).not.toContain('Starting up');
  });
});

describe('a second SIGINT during a shutdown under load', () => {
  it('still exits promptly (0 or 130, whichever wins), quietly, every request aborted', async () => {
    // With a listener, shutdown waits for it to close: the one wait a second SIGINT can cut short.
    const daemon = startDaemon(['--config', inFlightConfig('server: { port: 0 }')]);
    const closed = streamsClosed(daemon.child);
    await allInFlight();
    const sentAt = Date.now();
    daemon.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, SIGNAL_GAP_MS));
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
  let run: Awaited<ReturnType<typeof signalDuringStartUp>>;
  beforeAll(async () => {
    run = await signalDuringStartUp(['SIGTERM']);
    console.info(
      `SIGTERM during start-up (${run.delay} ms after spawn, 10,000 monitors): exit ${run.code} after ${run.exitMs} ms, ` +
        `${checkCount(run.daemon.records)} checks started after it`,
    );
  }, 30_000);

  it('exits 0 without a trace once start-up has caught up with it', () => {
    const { daemon, code, signal, sentAt, exitMs } = run;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(daemon.stderr()).toBe('');
    expect(daemon.junk).toEqual([]);
    // It really was still starting up when the signal came...
    expect(startedAt(daemon.records)).toBeGreaterThan(sentAt);
    // ...and start-up completes into an immediate, clean shutdown.
    expect(sentAt + exitMs - startedAt(daemon.records)!).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(messagesOf(daemon.records)[0]).toBe('Starting up');
    expect(messagesOf(daemon.records).slice(-2)).toEqual(['Shutting down', 'Shutdown finished successfully']);
  });

  it('does not start the monitors: Shutting down follows Starting up at once', () => {
    // Started monitors take a while (10,000 subscriptions, first checks); a pending signal stops the
    // dispatcher before it subscribes any, within the same synchronous block (0-1 ms apart).
    const timeOf = (msg: string) => Date.parse(run.daemon.records.find((record) => record.msg === msg)?.time);
    expect(timeOf('Shutting down') - timeOf('Starting up')).toBeLessThan(START_STOP_GAP_MS);
    expect(messagesOf(run.daemon.records)).toEqual(['Starting up', 'Shutting down', 'Shutdown finished successfully']);
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
    await allInFlight();
    daemon.child.stdout.destroy();
    const { code, signal } = await closed;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(daemon.stderr()).not.toMatch(STACK_LINE);
    expect(daemon.stderr()).toBe('');
    await silent.waitForNoneOpen(1_000);
  });
});
