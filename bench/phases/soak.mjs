/**
 * Case 5, soak (`--soak[=minutes]`, not in the default run): 1,000 monitors over a fault mix for N
 * minutes. Samples RSS, open fds (from /proc), active handles (rxmon's own /metrics, from
 * prom-client's `nodejs_active_handles`) and checks per minute; fits a line through each to tell
 * a growth trend from noise.
 */
import { writeConfig } from '../configs.mjs';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { freePort } from '../freePort.mjs';
import { waitForTraffic } from '../measure.mjs';
import { memory, openFds } from '../procStats.mjs';
import { exited, sleep } from '../processes.mjs';
import { linearFit, median } from '../stats.mjs';

/** The case's fixed parameters: per monitor, the fault it meets (by index modulo the mix). */
export const SOAK = { monitors: 1_000, checkEvery: 5, timeout: 2, samples: 10 };

/**
 * The fault mix: name → URL builder.
 *
 * @param {{ url: (path: string) => string }} target The target.
 * @param {number} refusedPort A port nothing listens on.
 * @returns {Array<[string, string]>} Kind and URL.
 */
function faultMix(target, refusedPort) {
  return [
    ['ok', target.url('/ok')],
    ['refused', `http://127.0.0.1:${refusedPort}/`],
    ['hang', target.url('/hang')],
    ['slow body', target.url('/slow')],
    ['503', target.url('/status/503')],
    ['reset', target.url('/reset')],
  ];
}

/**
 * Sums prom-client's `nodejs_active_handles{type=…}` series from rxmon's /metrics.
 *
 * @param {number} port rxmon's listener.
 * @returns {Promise<number>} The handle count, or NaN when the endpoint does not answer.
 */
async function activeHandles(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    let sum = 0;
    let found = false;
    for (const match of text.matchAll(/^nodejs_active_handles(?:\{[^}]*\})? (\d+(?:\.\d+)?)/gm)) {
      sum += Number(match[1]);
      found = true;
    }
    return found ? sum : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Whether a series grows: the fitted growth over the run against a tolerance.
 *
 * @param {Array<[number, number]>} points (minutes, value).
 * @param {(first: number) => number} tolerance Allowed growth over the whole run, given the first value.
 * @returns {{ slopePerMinute: number, fittedGrowth: number, growing: boolean | null }} null: too few points.
 */
function trend(points, tolerance) {
  const usable = points.filter(([, y]) => Number.isFinite(y));
  if (usable.length < 3) return { slopePerMinute: NaN, fittedGrowth: NaN, growing: null };
  const { slope } = linearFit(usable);
  const span = usable[usable.length - 1][0] - usable[0][0];
  const fittedGrowth = slope * span;
  return { slopePerMinute: slope, fittedGrowth, growing: fittedGrowth > tolerance(usable[0][1]) };
}

/**
 * Runs the soak.
 *
 * @param {object} ctx The run context (dir, target, log).
 * @param {number} minutes How long.
 * @returns {Promise<object>} Samples and trends.
 */
export async function runSoak(ctx, minutes) {
  const { dir, target, log } = ctx;
  const totalMs = minutes * 60_000;
  const sampleMs = Math.min(60_000, totalMs / SOAK.samples);
  const [refusedPort, metricsPort] = [await freePort(), await freePort()];
  const mix = faultMix(target, refusedPort);
  log(`soak: ${SOAK.monitors} monitors every ${SOAK.checkEvery} s (timeout ${SOAK.timeout} s) over ${mix.map(([k]) => k).join(', ')} for ${minutes} min, a sample every ${sampleMs / 1000} s`);
  const monitors = Array.from({ length: SOAK.monitors }, (_, i) => {
    const [kind, url] = mix[i % mix.length];
    return { name: `${kind.replace(/\W/g, '')}${i}`, url };
  });
  const configFile = writeConfig(dir, 'soak.yml', {
    level: 'info',
    server: { port: metricsPort },
    defaults: { timeout: SOAK.timeout, check_every: SOAK.checkEvery },
    monitors,
  });
  await target.reset();
  const codes = Object.create(null);
  let checks = 0;
  const codePattern = /"code":"([^"]+)"/;
  const daemon = startDaemon({
    configFile,
    onLine(line) {
      if (!line.includes('"durationMs":')) return;
      checks += 1;
      const code = line.includes('"ok":true') ? 'OK' : (codePattern.exec(line)?.[1] ?? 'UNKNOWN');
      codes[code] = (codes[code] ?? 0) + 1;
    },
  });
  try {
    await waitForTraffic(target, () => assertRunning(daemon));
    const samples = [];
    const started = performance.now();
    let lastChecks = checks;
    let lastAt = started;
    while (performance.now() - started < totalMs) {
      await sleep(Math.min(sampleMs, totalMs - (performance.now() - started)));
      assertRunning(daemon);
      const now = performance.now();
      const { rssMb } = memory(daemon.pid);
      const sample = {
        minute: (now - started) / 60_000,
        rssMb,
        fds: openFds(daemon.pid),
        handles: await activeHandles(metricsPort),
        checksPerMinute: ((checks - lastChecks) / (now - lastAt)) * 60_000,
      };
      lastChecks = checks;
      lastAt = now;
      samples.push(sample);
      log(`  ${sample.minute.toFixed(1)} min: RSS ${rssMb.toFixed(0)} MB, fds ${sample.fds}, handles ${sample.handles}, ${sample.checksPerMinute.toFixed(0)} checks/min`);
    }
    const stopped = await daemon.stop();
    // The first sample holds the warm-up (JIT, pools filling); trends are fitted on the rest.
    const steady = samples.slice(1);
    const rate = steady.map((s) => s.checksPerMinute);
    const rateMedian = median(rate);
    const result = {
      minutes,
      samples,
      codes,
      expectedChecksPerMinute: (SOAK.monitors * 60) / SOAK.checkEvery,
      rss: trend(steady.map((s) => [s.minute, s.rssMb]), (first) => Math.max(10, first * 0.1)),
      fds: trend(steady.map((s) => [s.minute, s.fds]), (first) => Math.max(20, first * 0.1)),
      handles: trend(steady.map((s) => [s.minute, s.handles]), (first) => Math.max(20, first * 0.1)),
      checksPerMinute: {
        median: rateMedian,
        min: Math.min(...rate),
        max: Math.max(...rate),
        steady: rate.length > 0 && rate.every((r) => Math.abs(r - rateMedian) <= rateMedian * 0.1),
      },
      shutdown: stopped,
    };
    return result;
  } finally {
    if (!exited(daemon.child)) await daemon.stop();
  }
}
