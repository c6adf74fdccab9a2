import { type Observable, type OperatorFunction, defer, map, startWith, withLatestFrom } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { type MaintenanceState, maintenanceAt } from './maintenanceAt.js';
import { type MaintainedMonitor, type MaintenanceWindow, appliesTo } from './maintenanceWindow.js';

/**
 * Marks each result whose check started inside a maintenance window of its monitor with
 * `maintenance: true` (others pass unchanged): what the store, the logs and the API then see. The
 * decision is the pure {@link maintenanceAt} at the result's `startedAt`, worked out once per
 * stretch between two window changes, not per result.
 *
 * ```
 * windows$:  w-----------------
 * results:   -a---b---c---d---   (b and c start inside a window of their monitor)
 * output:    -a---B---C---d---   (B, C: maintenance: true)
 * ```
 *
 * @param windows$ The current windows (a value replaces the last; results before the first see none).
 * @param monitorOf The monitor's name and group by name (`undefined`: not configured, never marked).
 * @returns The operator.
 */
export function markMaintenance(
  windows$: Observable<readonly MaintenanceWindow[]>,
  monitorOf: (name: string) => MaintainedMonitor | undefined,
): OperatorFunction<CheckResult, CheckResult> {
  return (results$) =>
    defer(() => {
      let cache: { windows: readonly MaintenanceWindow[]; fromMs: number; state: MaintenanceState } | undefined;
      const stateAt = (windows: readonly MaintenanceWindow[], atMs: number): MaintenanceState => {
        if (!cache || cache.windows !== windows || atMs < cache.fromMs || atMs >= (cache.state.nextChangeMs ?? Infinity)) {
          cache = { windows, fromMs: atMs, state: maintenanceAt(windows, atMs) };
        }
        return cache.state;
      };
      return results$.pipe(
      withLatestFrom(windows$.pipe(startWith([] as readonly MaintenanceWindow[]))),
      map(([result, windows]) => {
        if (windows.length === 0) return result;
        const monitor = monitorOf(result.monitor);
        const atMs = Date.parse(result.startedAt);
        if (!monitor || Number.isNaN(atMs)) return result;
        return stateAt(windows, atMs).active.some(({ window }) => appliesTo(window, monitor)) ? { ...result, maintenance: true as const } : result;
      }),
      );
    });
}
