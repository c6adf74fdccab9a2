import { Observable, type OperatorFunction } from 'rxjs';
import type { MaintenanceChange } from './maintenanceStream.js';

/**
 * Drops the values of monitors that are in maintenance now: the last filter before delivery, so
 * that a reminder of an incident that began before a window is not sent during it (the reminders
 * go on after it). Completes with its source; the maintenance changes never hold it open.
 *
 * ```
 * changes: ---E-----L----   (E: api enters, L: api leaves)
 * alerts:  -r---r-----r--   (reminders of api)
 * result:  -r---------r--
 * ```
 *
 * ## Example
 * ```ts
 * states$.pipe(suppressDuringMaintenance(changes$), alertEvents(alert), dropDuringMaintenance(changes$));
 * ```
 *
 * @param changes$ Monitors entering and leaving maintenance.
 * @returns The operator.
 */
export function dropDuringMaintenance<T extends { monitor: string }>(changes$: Observable<MaintenanceChange>): OperatorFunction<T, T> {
  return (source$) =>
    new Observable<T>((subscriber) => {
      const inside = new Set<string>();
      const windows = changes$.subscribe({
        next: ({ monitor, window }) => (window ? inside.add(monitor) : inside.delete(monitor)),
        error: (error: unknown) => subscriber.error(error),
      });
      const values = source$.subscribe({
        next: (value) => {
          if (!inside.has(value.monitor)) subscriber.next(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        values.unsubscribe();
        windows.unsubscribe();
      };
    });
}
