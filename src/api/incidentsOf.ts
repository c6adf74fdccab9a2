import type { CheckError } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';

/** One outage of a monitor, as `GET /api/v1/monitors/<name>/incidents` lists it. */
export interface Incident {
  /** `startedAt` of the result that made the monitor `down`. */
  since: string;
  /** `startedAt` of the result that made it `up` again; absent while it is still down. */
  until?: string;
  /** The error of the result that made it `down`. */
  error: CheckError | null;
}

/**
 * Pairs each `down` change with the `up` change that follows it. A pure calculation.
 *
 * ## Example
 * ```ts
 * incidentsOf(await store.changes({ monitor: 'web' }));
 * // [{ since: '…T10:05Z', error: { code: 'TIMEOUT', … } }, { since: '…T09:00Z', until: '…T09:02Z', error: … }]
 * ```
 *
 * @param changes One monitor's state changes, oldest first (as the store returns them).
 * @returns Its incidents, newest first; the open one (if any) has no `until`.
 */
export function incidentsOf(changes: readonly MonitorState[]): Incident[] {
  const incidents: Incident[] = [];
  let open: Incident | undefined;
  for (const change of changes) {
    if (change.state === 'down') {
      // A second down without an up between (a restart, a pruned up): the first stays the open one.
      if (open) continue;
      open = { since: change.since, error: change.result.error ? { code: change.result.error.code, message: change.result.error.message } : null };
      incidents.push(open);
    } else if (open) {
      open.until = change.since;
      open = undefined;
    }
  }
  return incidents.reverse();
}
