import { Cron } from 'croner';
import type { MaintenanceSpec, RecurringMaintenanceSpec } from '../config/types.js';

/** One occurrence of a window: `[startMs, endMs)`, ms since the epoch. */
export interface Occurrence {
  startMs: number;
  endMs: number;
}

/** At most this many overlapping starts are merged into one occurrence (a window longer than its period). */
const MAX_OVERLAP = 1_000;

const patterns = new WeakMap<RecurringMaintenanceSpec, Cron>();

/** The window's croner pattern, made once per (frozen) window. */
function cronOf(window: RecurringMaintenanceSpec): Cron {
  let cron = patterns.get(window);
  if (!cron) {
    cron = new Cron(window.cron, { timezone: window.timezone, paused: true });
    patterns.set(window, cron);
  }
  return cron;
}

/**
 * The first start of a window strictly after an instant. A recurring window's starts are its cron
 * pattern read in its time zone (croner): on a spring-forward day a start in the skipped hour
 * (02:30 in Europe/Berlin) happens at the first valid minute after it (03:00 CEST); on a fall-back
 * day a start in the repeated hour happens once, at its first (summer time) occurrence.
 *
 * @param window The window.
 * @param afterMs The instant, ms since the epoch.
 * @returns The start, or `undefined` when there is none (a one-off window that has begun).
 */
export function nextStartAfter(window: MaintenanceSpec, afterMs: number): number | undefined {
  if (window.kind === 'once') return window.startMs > afterMs ? window.startMs : undefined;
  return cronOf(window).nextRun(new Date(afterMs))?.getTime();
}

/**
 * The occurrence of a window that covers an instant, if any: a pure function of (window, instant).
 * A recurring occurrence lasts `durationMs` of elapsed time from its start, so a 23:00 + 2 h window
 * runs to 01:00 the next day, and one over a DST change still lasts 2 h (it ends at 04:00 local
 * time on the spring-forward night, at 02:00 on the fall-back one). Starts within `durationMs` of
 * each other merge into one occurrence.
 *
 * ## Example
 * ```ts
 * const nightly = { kind: 'recurring', name: 'n', monitors: [], groups: [], cron: '0 23 * * *', timezone: 'Europe/Berlin', durationMs: 7_200_000 };
 * occurrenceAt(nightly, Date.parse('2026-03-29T22:30:00Z')); // { startMs: 21:00Z, endMs: 23:00Z }
 * ```
 *
 * @param window The window.
 * @param atMs The instant, ms since the epoch.
 * @returns The occurrence (`startMs <= atMs < endMs`), or `undefined`.
 */
export function occurrenceAt(window: MaintenanceSpec, atMs: number): Occurrence | undefined {
  if (window.kind === 'once') return window.startMs <= atMs && atMs < window.endMs ? { startMs: window.startMs, endMs: window.endMs } : undefined;
  // The first start after (atMs - duration) is the earliest whose occurrence is still on at atMs.
  let start = nextStartAfter(window, atMs - window.durationMs);
  if (start === undefined || start > atMs) return undefined;
  const first = start;
  let endMs = start + window.durationMs;
  for (let merged = 0; merged < MAX_OVERLAP; merged += 1) {
    start = nextStartAfter(window, start);
    if (start === undefined || start >= endMs) break;
    endMs = start + window.durationMs;
  }
  return { startMs: first, endMs };
}
