/**
 * Case 3, accuracy: monitors against a path that answers after 100 ms; how far the reported
 * `timings.firstByteMs` and `durationMs` are from 100 ms. The target's own timer overshoot is
 * measured too, so it can be told apart from rxmon's error.
 */
import { writeConfig } from '../configs.mjs';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { waitForTraffic } from '../measure.mjs';
import { exited, sleep } from '../processes.mjs';
import { percentiles } from '../stats.mjs';

/** The case's fixed parameters. */
export const ACCURACY = { monitors: 20, delayMs: 100, checkEvery: 1, skipMs: 2_000, windowMs: 8_000 };

/**
 * Runs the case.
 *
 * @param {object} ctx The run context (dir, target, scale, log).
 * @returns {Promise<object>} Medians and p99 of the errors, in ms.
 */
export async function runAccuracy(ctx) {
  const { dir, target, scale, log } = ctx;
  const windowMs = Math.max(3_000, ACCURACY.windowMs * scale);
  log(`accuracy: ${ACCURACY.monitors} monitors against /delay/${ACCURACY.delayMs} every ${ACCURACY.checkEvery} s for ${windowMs / 1000} s (first ${ACCURACY.skipMs / 1000} s skipped)`);
  const monitors = Array.from({ length: ACCURACY.monitors }, (_, i) => ({ name: `acc${i}`, url: target.url(`/delay/${ACCURACY.delayMs}`) }));
  const configFile = writeConfig(dir, 'accuracy.yml', { level: 'info', defaults: { timeout: ACCURACY.checkEvery, check_every: ACCURACY.checkEvery }, monitors });
  const records = [];
  let collecting = false;
  const daemon = startDaemon({
    configFile,
    onLine(line) {
      if (collecting && line.includes('"monitor":"acc') && line.includes('"durationMs":')) records.push(JSON.parse(line));
    },
  });
  try {
    await waitForTraffic(target, () => assertRunning(daemon));
    await sleep(ACCURACY.skipMs);
    await target.reset();
    collecting = true;
    await sleep(windowMs);
    collecting = false;
    assertRunning(daemon);
    await daemon.stop();
    const serverDelays = await target.delays();
    const ok = records.filter((r) => r.ok && r.timings);
    const firstByte = ok.map((r) => r.timings.firstByteMs - ACCURACY.delayMs);
    const duration = ok.map((r) => r.durationMs - ACCURACY.delayMs);
    const connect = ok.map((r) => r.timings.connectMs);
    const server = serverDelays.map((d) => d - ACCURACY.delayMs);
    const [fbP50, fbP99] = percentiles(firstByte, [50, 99]);
    const [duP50, duP99] = percentiles(duration, [50, 99]);
    const [svP50, svP99] = percentiles(server, [50, 99]);
    const [coP50] = percentiles(connect, [50]);
    const failures = Object.create(null);
    for (const r of records) if (!r.ok) failures[r.error?.code ?? 'UNKNOWN'] = (failures[r.error?.code ?? 'UNKNOWN'] ?? 0) + 1;
    const result = {
      checks: records.length,
      failed: records.length - ok.length,
      failures,
      firstByteErrorMs: { p50: fbP50, p99: fbP99 },
      durationErrorMs: { p50: duP50, p99: duP99 },
      serverTimerOvershootMs: { p50: svP50, p99: svP99 },
      connectMsP50: coP50,
    };
    log(`  ${records.length} checks (failed: ${JSON.stringify(failures)}); firstByte−100 p50/p99 ${fbP50?.toFixed(2)}/${fbP99?.toFixed(2)} ms; duration−100 p50/p99 ${duP50?.toFixed(2)}/${duP99?.toFixed(2)} ms; target's own overshoot p50 ${svP50?.toFixed(2)} ms`);
    return result;
  } finally {
    if (!exited(daemon.child)) await daemon.stop();
  }
}
