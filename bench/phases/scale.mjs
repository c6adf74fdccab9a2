/**
 * Case 2, scale: 10,000 monitors every 10 s (1,000 checks/s) for at least 40 s. Schedule lag from
 * the daemon's own `scheduleLagMs`, intervals and missed ticks at the target, RSS and CPU from /proc.
 */
import { uniformMonitors, writeConfig } from '../configs.mjs';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { judgeIntervals } from '../intervals.mjs';
import { waitForTraffic } from '../measure.mjs';
import { cpuMs, memory, openFds } from '../procStats.mjs';
import { exited, sleep } from '../processes.mjs';
import { percentiles } from '../stats.mjs';

/** The case's fixed parameters. */
export const SCALE = { monitors: 10_000, checkEvery: 10, windowMs: 40_000, settleMs: 2_000, sampleEveryMs: 5_000, graceMs: 5_000 };

/** The large fleet (issue 14): 50,000 monitors every 30 s, two intervals measured. */
export const FLEET = { monitors: 50_000, checkEvery: 30, windowMs: 60_000 };

const LAG_KEY = '"scheduleLagMs":';

/**
 * Collects `scheduleLagMs` from log lines while `collecting` is on; counts ok and failed lines.
 * Reads the field with indexOf/parseFloat rather than JSON.parse: 1,000 lines a second on a shared CPU.
 */
function lagCollector() {
  const state = { collecting: false, lags: [], ok: 0, failed: 0, missingLag: 0 };
  state.onLine = (line) => {
    if (!state.collecting || !line.includes('"durationMs":')) return;
    if (line.includes('"ok":true')) state.ok += 1;
    else if (line.includes('"ok":false')) state.failed += 1;
    else return;
    const at = line.indexOf(LAG_KEY);
    if (at === -1) state.missingLag += 1;
    else state.lags.push(parseFloat(line.slice(at + LAG_KEY.length, at + LAG_KEY.length + 24)));
  };
  return state;
}

/**
 * Runs the case.
 *
 * @param {object} ctx The run context (dir, target, scale, log).
 * @param {{ storage?: Record<string, string | number>, label?: string, monitors?: number, checkEvery?: number,
 *   windowMs?: number }} [options] A `storage:` section for the daemon (the storage case runs this case
 *   once per store), a label for the log, and the fleet (default {@link SCALE}'s; the fleet case passes
 *   {@link FLEET}'s).
 * @returns {Promise<object>} Lag, intervals, missed ticks, RSS, CPU.
 */
export async function runScale(ctx, { storage, label = 'scale', monitors: count = SCALE.monitors, checkEvery = SCALE.checkEvery, windowMs: baseWindowMs = SCALE.windowMs } = {}) {
  const { dir, target, scale, log } = ctx;
  const periodMs = checkEvery * 1000;
  const windowMs = Math.max(periodMs, baseWindowMs * scale);
  log(`${label}: ${count} monitors every ${checkEvery} s, log level info, window ${windowMs / 1000} s after a ${(periodMs + SCALE.settleMs) / 1000} s start-up`);
  const monitors = uniformMonitors({ count, url: (name) => target.url(`/m/${name}`) });
  const configFile = writeConfig(dir, `${label.replace(/\W+/g, '-')}.yml`, { level: 'info', defaults: { timeout: 5, check_every: checkEvery }, monitors, storage });
  await target.reset();
  const lag = lagCollector();
  const spawnedAt = Date.now();
  const daemon = startDaemon({ configFile, onLine: lag.onLine });
  try {
    await waitForTraffic(target, () => assertRunning(daemon));
    // Spawn to the first request at the target (polled every 100 ms: up to 100 ms late).
    const firstCheckMs = Date.now() - spawnedAt;
    // Every monitor's first check falls within its first interval (the start-up spread).
    await sleep(periodMs + SCALE.settleMs);
    assertRunning(daemon);
    const afterStartup = memory(daemon.pid);
    const s0 = await target.stats();
    const cpu0 = cpuMs(daemon.pid);
    lag.collecting = true;
    const samples = [];
    for (let elapsed = 0; elapsed < windowMs; elapsed += SCALE.sampleEveryMs) {
      await sleep(Math.min(SCALE.sampleEveryMs, windowMs - elapsed));
      assertRunning(daemon);
      samples.push({ atMs: elapsed + Math.min(SCALE.sampleEveryMs, windowMs - elapsed), ...memory(daemon.pid), fds: openFds(daemon.pid) });
    }
    const s1 = await target.stats();
    const cpu1 = cpuMs(daemon.pid);
    lag.collecting = false;
    const atEnd = memory(daemon.pid);
    // Late is not missed: ticks due before the window's end may still arrive in the grace period.
    await sleep(SCALE.graceMs);
    const graceEnd = await target.stats();
    const stopped = await daemon.stop();
    const arrivals = await target.arrivals();
    const judged = judgeIntervals(arrivals, { names: monitors.map((m) => m.name), periodMs, from: s0.t, to: s1.t, graceTo: graceEnd.t });
    const [lagP50, lagP99, lagMax] = percentiles(lag.lags, [50, 99, 100]);
    const seconds = (s1.t - s0.t) / 1000;
    const result = {
      monitors: count,
      checkEvery,
      firstCheckMs,
      windowSeconds: seconds,
      checksPerSecond: (s1.total - s0.total) / seconds,
      lag: { p50: lagP50, p99: lagP99, max: lagMax, samples: lag.lags.length, missing: lag.missingLag },
      logged: { ok: lag.ok, failed: lag.failed },
      intervals: judged,
      // The target's own event-loop delay over the run: arrivals are stamped in its loop, so a held-up
      // target shows here rather than as rxmon's schedule error.
      targetLoopDelayMs: s1.loopDelay,
      rssAfterStartupMb: afterStartup.rssMb,
      rssAtEndMb: atEnd.rssMb,
      peakRssMb: atEnd.peakRssMb,
      cpuPercent: ((cpu1 - cpu0) / (seconds * 1000)) * 100,
      cpuMsPerCheck: (cpu1 - cpu0) / (s1.total - s0.total),
      samples,
      shutdown: stopped,
    };
    log(
      `  ${result.checksPerSecond.toFixed(0)} checks/s; lag p50/p99/max ${lagP50?.toFixed(1)}/${lagP99?.toFixed(1)}/${lagMax?.toFixed(1)} ms; ` +
        `first check ${firstCheckMs} ms after spawn; |interval-${checkEvery}s| p99 ${judged.deviationP99?.toFixed(1)} ms; missed ${judged.missedTicks}; target loop delay p99/max ${s1.loopDelay?.p99?.toFixed(0)}/${s1.loopDelay?.max?.toFixed(0)} ms; RSS ${afterStartup.rssMb.toFixed(0)}→${atEnd.rssMb.toFixed(0)} MB; CPU ${result.cpuPercent.toFixed(0)}%`,
    );
    return result;
  } finally {
    if (!exited(daemon.child)) await daemon.stop();
  }
}
