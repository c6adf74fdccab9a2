import type { ActiveWindow, MaintenanceWindow } from './maintenanceWindow.js';
import { nextStartAfter, occurrenceAt } from './windowAt.js';

/** Which windows are on at an instant, and when that next changes. */
export interface MaintenanceState {
  /** The occurrences on at the instant, in the order of the windows. */
  active: ActiveWindow[];
  /** The next instant some window starts or ends (ms since the epoch); absent when none ever will. */
  nextChangeMs?: number;
}

/**
 * Every window's occurrence at an instant, and the next instant any of them starts or ends: the
 * pure step that {@link activeWindows$} repeats at each change.
 *
 * @param windows The windows (config and ad hoc).
 * @param atMs The instant, ms since the epoch.
 * @returns The active occurrences and the next change.
 */
export function maintenanceAt(windows: readonly MaintenanceWindow[], atMs: number): MaintenanceState {
  const active: ActiveWindow[] = [];
  let nextChangeMs = Infinity;
  for (const window of windows) {
    const occurrence = occurrenceAt(window, atMs);
    if (occurrence) {
      active.push({ window, ...occurrence });
      nextChangeMs = Math.min(nextChangeMs, occurrence.endMs);
    }
    const start = nextStartAfter(window, atMs);
    if (start !== undefined) nextChangeMs = Math.min(nextChangeMs, start);
  }
  return Number.isFinite(nextChangeMs) ? { active, nextChangeMs } : { active };
}
