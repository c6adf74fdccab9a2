import { type Observable, type OperatorFunction, defer, from, mergeMap } from 'rxjs';
import { type ActiveWindowsOptions, activeWindows$, sameOccurrence } from './activeWindows.js';
import { type ActiveWindow, type MaintainedMonitor, type MaintenanceWindow, appliesTo } from './maintenanceWindow.js';

/** A monitor entering (with `window`) or leaving (without) maintenance. */
export interface MaintenanceChange {
  monitor: string;
  /** The occurrence the monitor is in now; absent: it left maintenance. */
  window?: ActiveWindow;
}

/**
 * Per monitor, the changes of the occurrence it is in: from each list of active occurrences, a
 * value for every monitor whose occurrence differs from the previous list's (the first list: every
 * monitor in maintenance). The first matching window in list order wins.
 *
 * ```
 * active:  e---A------e---
 * changes: ----(ab)---(ab)   (a, b: the monitors A covers; enter, then leave)
 * ```
 *
 * @param monitors The monitors now configured (read at each list: reloads are seen).
 * @returns The operator.
 */
export function maintenanceChanges(monitors: () => readonly MaintainedMonitor[]): OperatorFunction<readonly ActiveWindow[], MaintenanceChange> {
  return (active$) =>
    defer(() => {
      const current = new Map<string, ActiveWindow>();
      return active$.pipe(
        mergeMap((active) => {
          const changes: MaintenanceChange[] = [];
          for (const monitor of monitors()) {
            const window = active.find((occurrence) => appliesTo(occurrence.window, monitor));
            if (sameOccurrence(window, current.get(monitor.name))) continue;
            if (window) current.set(monitor.name, window);
            else current.delete(monitor.name);
            changes.push(window ? { monitor: monitor.name, window } : { monitor: monitor.name });
          }
          return from(changes);
        }),
      );
    });
}

/**
 * One monitor's maintenance over time, driven by the scheduler: a value when it enters an
 * occurrence of one of the windows (with the occurrence) and when it leaves (without), at those
 * instants. Nothing while it is outside every window.
 *
 * ```
 * nightly 23:00 + 2h (Europe/Berlin), from 22:00 local:
 * maintenance$:  --60m--E--120m--L--   (E: enter, L: leave)
 * ```
 *
 * ## Example
 * ```ts
 * maintenance$({ name: 'api' }, of(windows)).subscribe(({ window }) => console.log(window ? 'in maintenance' : 'out'));
 * ```
 *
 * @param monitor The monitor's name and group.
 * @param windows$ The windows; each value replaces the last.
 * @param options Scheduler and clock.
 * @returns Enter and leave changes of that monitor.
 */
export function maintenance$(monitor: MaintainedMonitor, windows$: Observable<readonly MaintenanceWindow[]>, options: ActiveWindowsOptions = {}): Observable<MaintenanceChange> {
  return activeWindows$(windows$, options).pipe(maintenanceChanges(() => [monitor]));
}
