import { Observable, type OperatorFunction } from 'rxjs';
import type { MonitorState } from '../operators/health.js';
import type { MaintenanceChange } from './maintenanceStream.js';

/**
 * Holds back the state changes of monitors in maintenance, so that no alert goes out during a
 * window: a change that comes while its monitor is in maintenance is kept (the last one per
 * monitor), and when the monitor leaves, the kept state is let through if it differs from the last
 * one let through. So a monitor that went down in the window and is still down alerts when the
 * window ends; one that went down and came back within it never alerts. Completes with the states
 * (the maintenance changes never hold it open).
 *
 * ```
 * changes: ---E--------L---   (E: api enters, L: api leaves)
 * states:  -u----d--------    (api up, then down)
 * result:  -u----------d---
 * ```
 *
 * ## Example
 * ```ts
 * states$.pipe(suppressDuringMaintenance(maintenanceChanges$), alertEvents(alert));
 * ```
 *
 * @param changes$ Monitors entering and leaving maintenance (from `maintenanceChanges`).
 * @returns The operator over state changes.
 */
export function suppressDuringMaintenance(changes$: Observable<MaintenanceChange>): OperatorFunction<MonitorState, MonitorState> {
  return (states$) =>
    new Observable<MonitorState>((subscriber) => {
      const inside = new Set<string>();
      const held = new Map<string, MonitorState>();
      const sent = new Map<string, MonitorState['state']>();
      const pass = (state: MonitorState) => {
        sent.set(state.monitor, state.state);
        subscriber.next(state);
      };
      const windows = changes$.subscribe({
        next: ({ monitor, window }) => {
          if (window) {
            inside.add(monitor);
            return;
          }
          inside.delete(monitor);
          const kept = held.get(monitor);
          held.delete(monitor);
          if (kept && kept.state !== sent.get(monitor)) pass(kept);
        },
        error: (error: unknown) => subscriber.error(error),
      });
      const states = states$.subscribe({
        next: (state) => (inside.has(state.monitor) ? held.set(state.monitor, state) : pass(state)),
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        states.unsubscribe();
        windows.unsubscribe();
      };
    });
}
