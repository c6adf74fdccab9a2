/**
 * Schedule quality from arrival times at the target: intervals between a monitor's consecutive
 * checks, and missed ticks.
 */
import { percentiles } from './stats.mjs';

/**
 * Judges the arrivals of every monitor inside a window [from, to].
 *
 * Deviations |interval − period| and seen checks count arrivals inside the window. Missed ticks are
 * ticks due inside the window that never arrived: a gap of k periods (rounded) holds k − 1 of them,
 * and after a monitor's last arrival every tick due by `to` is missing. Arrivals up to `graceTo`
 * (after `to`) are looked at too, so a tick that is late but arrives is not called missed.
 *
 * @param {Record<string, number[]>} arrivals Per monitor, arrival times in ms (ascending).
 * @param {{ names: string[], periodMs: number, from: number, to: number, graceTo?: number }} window
 *   Monitors expected, their period and the window (same clock as the arrivals).
 * @returns {{ intervals: number, deviationP50: number, deviationP99: number, deviationMax: number,
 *   missedTicks: number, expectedChecks: number, seenChecks: number, silentMonitors: number }}
 *   Deviations are |interval − period| in ms.
 */
export function judgeIntervals(arrivals, { names, periodMs, from, to, graceTo = to }) {
  const deviations = [];
  let missedTicks = 0;
  let seenChecks = 0;
  let silentMonitors = 0;
  const dueInWindow = (t) => t >= from && t <= to;
  for (const name of names) {
    const times = arrivals[name] ?? [];
    let last;
    for (let i = 0; i < times.length; i += 1) {
      const t = times[i];
      if (t > graceTo) break;
      if (i > 0 && t >= from) {
        const prev = times[i - 1];
        const interval = t - prev;
        if (t <= to) deviations.push(Math.abs(interval - periodMs));
        const ticks = Math.round(interval / periodMs);
        for (let k = 1; k < ticks; k += 1) if (dueInWindow(prev + k * periodMs)) missedTicks += 1;
      }
      if (dueInWindow(t)) seenChecks += 1;
      last = t;
    }
    if (last === undefined) {
      silentMonitors += 1;
      missedTicks += Math.floor((to - from) / periodMs);
    } else {
      for (let due = last + periodMs; due <= to; due += periodMs) if (due >= from) missedTicks += 1;
    }
  }
  const [p50, p99, max] = percentiles(deviations, [50, 99, 100]);
  return {
    intervals: deviations.length,
    deviationP50: p50,
    deviationP99: p99,
    deviationMax: max,
    missedTicks,
    expectedChecks: (names.length * (to - from)) / periodMs,
    seenChecks,
    silentMonitors,
  };
}
