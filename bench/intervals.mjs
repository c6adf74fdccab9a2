/**
 * Schedule quality from arrival times at the target: intervals between a monitor's consecutive
 * checks, and missed ticks.
 */
import { percentiles } from './stats.mjs';

/**
 * Judges the arrivals of every monitor inside a window.
 *
 * An interval counts when its later arrival falls in [from, to]. A gap of k periods (rounded) holds
 * k − 1 missed ticks; a monitor silent for more than 1.1 periods before `to` missed the ticks due in
 * that tail; a monitor never seen missed all of the window's ticks.
 *
 * @param {Record<string, number[]>} arrivals Per monitor, arrival times in ms (ascending).
 * @param {{ names: string[], periodMs: number, from: number, to: number }} window Monitors expected,
 *   their period and the window (same clock as the arrivals).
 * @returns {{ intervals: number, deviationP50: number, deviationP99: number, deviationMax: number,
 *   missedTicks: number, expectedChecks: number, seenChecks: number, silentMonitors: number }}
 *   Deviations are |interval − period| in ms.
 */
export function judgeIntervals(arrivals, { names, periodMs, from, to }) {
  const deviations = [];
  let missedTicks = 0;
  let seenChecks = 0;
  let silentMonitors = 0;
  for (const name of names) {
    const times = arrivals[name] ?? [];
    let last;
    for (let i = 0; i < times.length; i += 1) {
      const t = times[i];
      if (t > to) break;
      if (t >= from) {
        seenChecks += 1;
        if (i > 0) {
          const interval = t - times[i - 1];
          deviations.push(Math.abs(interval - periodMs));
          missedTicks += Math.max(0, Math.round(interval / periodMs) - 1);
        }
      }
      last = t;
    }
    if (last === undefined) {
      silentMonitors += 1;
      missedTicks += Math.floor((to - from) / periodMs);
    } else {
      missedTicks += Math.max(0, Math.floor((to - Math.max(last, from - periodMs)) / periodMs - 0.1));
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
