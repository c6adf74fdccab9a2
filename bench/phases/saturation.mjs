/**
 * Case 1, saturation: checks completed per second when demand exceeds capacity, for rxmon, a bare
 * node:http loop and blackbox_exporter, one after another against the same target.
 */
import { fileURLToPath } from 'node:url';
import { startBlackbox } from '../blackbox.mjs';
import { uniformMonitors, writeConfig } from '../configs.mjs';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { throughputWindow, waitForTraffic } from '../measure.mjs';
import { exited, forkHelper, sleep, stop } from '../processes.mjs';

const REQUEST_LOOP = fileURLToPath(new URL('../requestLoop.mjs', import.meta.url));

/** The case's fixed parameters. */
export const SATURATION = { monitors: 15_000, checkEvery: 1, concurrency: 512, warmupMs: 4_000, windowMs: 20_000 };

/**
 * Counts the failed checks rxmon logs at warn level, by error code.
 *
 * @returns {{ onLine: (line: string) => void, failures: Record<string, number> }}
 */
function failureTally() {
  const failures = Object.create(null);
  const codePattern = /"code":"([^"]+)"/;
  return {
    failures,
    onLine(line) {
      if (!line.includes('"ok":false')) return;
      const code = codePattern.exec(line)?.[1] ?? 'UNKNOWN';
      failures[code] = (failures[code] ?? 0) + 1;
    },
  };
}

/**
 * rxmon at saturation: 15,000 monitors every second (far more than any client here completes), log
 * level warn.
 *
 * @param {object} ctx The run context (dir, target, scale, log, profileDir).
 * @param {{ profile?: boolean, workers?: number | 'auto' }} [options] Run under `--cpu-prof` (profile
 *   only; figures not comparable); `workers:` (default: the config's default, `auto`).
 * @returns {Promise<object>} The window, failures and shutdown figures.
 */
export async function runRxmonSaturation(ctx, { profile = false, workers } = {}) {
  const { dir, target, scale, log } = ctx;
  const configFile = writeConfig(dir, 'saturation.yml', {
    level: 'warn',
    maxConcurrentChecks: SATURATION.concurrency,
    workers,
    defaults: { timeout: SATURATION.checkEvery, check_every: SATURATION.checkEvery },
    monitors: uniformMonitors({ count: SATURATION.monitors, url: () => target.url('/ok') }),
  });
  await target.reset();
  const tally = failureTally();
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${ctx.profileDir}`] : [];
  const daemon = startDaemon({ configFile, nodeArgs, onLine: tally.onLine });
  try {
    await waitForTraffic(target, () => assertRunning(daemon));
    await sleep(SATURATION.warmupMs);
    assertRunning(daemon);
    const window = await throughputWindow(target, [daemon.pid], SATURATION.windowMs * scale);
    assertRunning(daemon);
    log(`  rxmon${profile ? ' (profiled)' : ''}${workers === undefined ? '' : ` workers: ${workers}`}: ${window.perSecond.toFixed(0)} checks/s, ${window.cpuMsPerCheck.toFixed(3)} CPU ms/check`);
    const stopped = await daemon.stop();
    return { ...window, failures: tally.failures, shutdown: stopped };
  } finally {
    if (!exited(daemon.child)) await daemon.stop();
  }
}

/**
 * A closed request loop in its own process against `url`, measured at the target.
 *
 * @param {object} ctx The run context.
 * @param {{ url: string, keepAlive: boolean, expect?: string, extraPids?: number[] }} options
 *   `extraPids`: processes whose CPU is charged to the checks besides the loop's own.
 * @returns {Promise<object>} The window, the loop's own CPU and its error tally.
 */
async function runRequestLoop(ctx, { url, keepAlive, expect, extraPids = [] }) {
  const { target, scale } = ctx;
  await target.reset();
  const maxMs = SATURATION.warmupMs + SATURATION.windowMs * scale + 60_000;
  const loop = forkHelper(REQUEST_LOOP, [JSON.stringify({ url, concurrency: SATURATION.concurrency, keepAlive, expect, maxMs })]);
  const alive = () => {
    if (exited(loop.child)) throw new Error(`request loop exited (${loop.child.exitCode})`);
  };
  try {
    await waitForTraffic(target, alive);
    await sleep(SATURATION.warmupMs);
    const charged = extraPids.length ? extraPids : [loop.child.pid];
    const sideline = extraPids.length ? [loop.child.pid] : [];
    const window = await throughputWindow(target, charged, SATURATION.windowMs * scale, { sideline });
    const tally = await loop.request('stop');
    return { ...window, driverCpuMsPerCheck: window.sidelineCpuMsPerCheck, loopFailures: tally.errors, loopCompleted: tally.completed, loopFailed: tally.failed };
  } finally {
    await stop(loop.child, { graceMs: 2_000 });
  }
}

/**
 * The whole case: rxmon, then the bare loop, then blackbox_exporter (when installed).
 *
 * @param {object} ctx The run context.
 * @returns {Promise<{ rxmon: object, oneThread: object, bare: object, blackbox: object | null, blackboxNote?: string }>}
 */
export async function runSaturation(ctx) {
  const { log, target, dir } = ctx;
  log(`saturation: ${SATURATION.monitors} monitors every ${SATURATION.checkEvery} s, concurrency ${SATURATION.concurrency}, window ${(SATURATION.windowMs * ctx.scale) / 1000} s`);
  const rxmon = await runRxmonSaturation(ctx);
  // The same run on the main thread alone (`workers: 0`), for the before/after of worker threads.
  const oneThread = await runRxmonSaturation(ctx, { workers: 0 });
  const bare = await runRequestLoop(ctx, { url: target.url('/ok'), keepAlive: false });
  log(`  bare node:http loop: ${bare.perSecond.toFixed(0)} checks/s, ${bare.cpuMsPerCheck.toFixed(3)} CPU ms/check`);
  const exporter = await startBlackbox(dir);
  if (!exporter) {
    const blackboxNote = 'blackbox_exporter not installed (apt-get install prometheus-blackbox-exporter): skipped';
    log(`  ${blackboxNote}`);
    return { rxmon, oneThread, bare, blackbox: null, blackboxNote };
  }
  try {
    const blackbox = await runRequestLoop(ctx, {
      url: exporter.probeUrl(target.url('/ok')),
      keepAlive: true,
      expect: 'probe_success 1',
      extraPids: [exporter.pid],
    });
    log(`  blackbox_exporter: ${blackbox.perSecond.toFixed(0)} probes/s, ${blackbox.cpuMsPerCheck.toFixed(3)} CPU ms/probe (exporter only)`);
    return { rxmon, oneThread, bare, blackbox };
  } finally {
    await stop(exporter.child, { graceMs: 2_000 });
  }
}
