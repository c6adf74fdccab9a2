import type { CheckError } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';

/** One down period of a monitor. */
export interface Incident {
  /** When it went down (`startedAt` of the result that decided it), ISO 8601. */
  start: string;
  /** When it came back up; absent while it is still down. */
  end?: string;
  /** From start to end (or to now, while down), ms. */
  durationMs: number;
  /** Why: the error of the result that took it down. */
  cause?: CheckError;
  /** That result's HTTP status, when a response arrived. */
  status?: number;
}

/**
 * A monitor's incidents from its state changes: each `down` paired with the next `up`. A pure
 * calculation; an `up` without a `down` before it (the log's retention cut the start) is skipped,
 * and a `down` without an `up` after it is the open incident.
 *
 * @param changes The monitor's state changes, oldest first (`store.changes({ monitor })`).
 * @param nowMs Now, ms since the epoch (the open incident's length).
 * @returns The incidents, newest first.
 */
export function incidentsOf(changes: readonly MonitorState[], nowMs: number): Incident[] {
  const incidents: Incident[] = [];
  let open: MonitorState | undefined;
  const close = (down: MonitorState, end?: string) => {
    const startMs = Date.parse(down.since);
    const endMs = end === undefined ? nowMs : Date.parse(end);
    incidents.push({
      start: down.since,
      ...(end === undefined ? {} : { end }),
      durationMs: Math.max(0, endMs - startMs),
      ...(down.result.error ? { cause: down.result.error } : {}),
      ...(down.result.status === undefined ? {} : { status: down.result.status }),
    });
  };
  for (const change of changes) {
    if (change.state === 'down') open ??= change;
    else if (open) {
      close(open, change.since);
      open = undefined;
    }
  }
  if (open) close(open);
  return incidents.reverse();
}
