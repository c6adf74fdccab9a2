import { EMPTY, type Observable, type SchedulerLike, asyncScheduler, defer, distinctUntilChanged, expand, map, of, switchMap, timer } from 'rxjs';
import { maintenanceAt } from './maintenanceAt.js';
import type { ActiveWindow, MaintenanceWindow } from './maintenanceWindow.js';

/** The longest a timer waits (setTimeout's limit); a later change is reached in steps. */
const MAX_WAIT_MS = 2_147_483_647;

/** Options of {@link activeWindows$}. */
export interface ActiveWindowsOptions {
  /** Where timers run. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
  /** Wall-clock now, ms since the epoch. Default `scheduler.now()` (tests add an epoch to virtual time). */
  now?: () => number;
}

/**
 * The maintenance occurrences on now: emits the list at once, and again at each instant a window
 * starts or ends (one timer at a time, to the next change, on the scheduler), and afresh when the
 * window list changes. Equal lists in a row are emitted once.
 *
 * ```
 * windows$:        a----------------
 * activeWindows$:  e----A-----e----A   (A: a's occurrence on, e: nothing on)
 * ```
 *
 * ## Example
 * ```ts
 * activeWindows$(of(config.maintenance.map((spec) => ({ ...spec, source: 'config' }))))
 *   .subscribe((active) => console.log(active.map(({ window }) => window.name)));
 * ```
 *
 * @param windows$ The current windows (config and ad hoc); each value replaces the last.
 * @param options Scheduler and clock.
 * @returns The active occurrences.
 */
export function activeWindows$(windows$: Observable<readonly MaintenanceWindow[]>, options: ActiveWindowsOptions = {}): Observable<readonly ActiveWindow[]> {
  const scheduler = options.scheduler ?? asyncScheduler;
  const now = options.now ?? (() => scheduler.now());
  return windows$.pipe(
    switchMap((windows) =>
      defer(() => of(maintenanceAt(windows, now()))).pipe(
        expand((state) =>
          state.nextChangeMs === undefined
            ? EMPTY
            : timer(Math.max(0, Math.min(state.nextChangeMs - now(), MAX_WAIT_MS)), scheduler).pipe(map(() => maintenanceAt(windows, now()))),
        ),
        map((state) => state.active),
      ),
    ),
    distinctUntilChanged(sameOccurrences),
  );
}

/**
 * Whether two lists hold the same occurrences of the same windows.
 *
 * @param a One list.
 * @param b Another.
 * @returns True when equal.
 */
export function sameOccurrences(a: readonly ActiveWindow[], b: readonly ActiveWindow[]): boolean {
  return a.length === b.length && a.every((item, index) => sameOccurrence(item, b[index]));
}

/**
 * Whether two occurrences are the same (same window, same span).
 *
 * @param a One, or none.
 * @param b Another, or none.
 * @returns True when equal.
 */
export function sameOccurrence(a: ActiveWindow | undefined, b: ActiveWindow | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.startMs === b.startMs && a.endMs === b.endMs && a.window.name === b.window.name && a.window.source === b.window.source && a.window.id === b.window.id;
}
