/**
 * Measurement helpers shared by the benchmark cases: waiting on conditions, and one throughput
 * window counted at the target with the CPU time of the processes that did the work.
 */
import { cpuMs } from './procStats.mjs';
import { sleep, withTimeout } from './processes.mjs';

/**
 * Polls `probe` every `everyMs` until it returns a truthy value.
 *
 * @template T
 * @param {() => T | Promise<T>} probe Returns falsy to keep waiting; may throw to give up.
 * @param {{ ms: number, what: string, everyMs?: number }} options Time limit and a name for the error.
 * @returns {Promise<T>} The first truthy value.
 */
export function waitUntil(probe, { ms, what, everyMs = 50 }) {
  let done = false;
  const poll = (async () => {
    while (!done) {
      const value = await probe();
      if (value) return value;
      await sleep(everyMs);
    }
  })();
  return withTimeout(poll, ms, what).finally(() => (done = true));
}

/**
 * Waits until the target has seen at least one request since its last reset.
 *
 * @param {{ stats: () => Promise<{ total: number }> }} target The target.
 * @param {() => void} assertAlive Throws when the load generator died.
 * @param {number} [ms] Time limit (default 60 s).
 * @returns {Promise<void>}
 */
export async function waitForTraffic(target, assertAlive, ms = 60_000) {
  await waitUntil(
    async () => {
      assertAlive();
      return (await target.stats()).total > 0;
    },
    { ms, what: 'the first request at the target', everyMs: 100 },
  );
}

/**
 * Measures one window: requests that reached the target per second, and the CPU the given processes
 * spent meanwhile.
 *
 * @param {{ stats: () => Promise<{ t: number, total: number }> }} target The target.
 * @param {number[]} pids Processes whose CPU is charged to the checks.
 * @param {number} windowMs Window length.
 * @param {{ sideline?: number[] }} [options] Processes whose CPU is measured apart, not charged
 *   (the driver of blackbox_exporter).
 * @returns {Promise<{ checks: number, seconds: number, perSecond: number, cpuMs: number, cpuMsPerCheck: number,
 *   cpuPercent: number, sidelineCpuMsPerCheck?: number }>}
 */
export async function throughputWindow(target, pids, windowMs, { sideline = [] } = {}) {
  const all = [...pids, ...sideline];
  const cpu0 = all.map(cpuMs);
  const s0 = await target.stats();
  await sleep(windowMs);
  const s1 = await target.stats();
  const spent = all.map((pid, i) => cpuMs(pid) - cpu0[i]);
  const checks = s1.total - s0.total;
  const seconds = (s1.t - s0.t) / 1000;
  const cpu = spent.slice(0, pids.length).reduce((a, b) => a + b, 0);
  return {
    checks,
    seconds,
    perSecond: checks / seconds,
    cpuMs: cpu,
    cpuMsPerCheck: cpu / checks,
    cpuPercent: (cpu / (seconds * 1000)) * 100,
    sidelineCpuMsPerCheck: sideline.length ? spent.slice(pids.length).reduce((a, b) => a + b, 0) / checks : undefined,
  };
}
