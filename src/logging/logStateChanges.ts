import type { Observable, Subscription } from 'rxjs';
import type { MonitorState } from '../operators/health.js';
import type { Logger } from './logger.js';

/**
 * The one-line message of a state change.
 *
 * - down: `api is DOWN after 3 failed checks: ECONNREFUSED connection refused by 127.0.0.1:9`
 * - up: `api is UP after 2 ok checks`
 *
 * @param state The new state.
 * @returns One line for people.
 */
export function stateMessage({ monitor, state, consecutive, result }: MonitorState): string {
  if (state === 'up') return `${monitor} is UP after ${consecutive} ok checks`;
  const reason = result.error ? `${result.error.code} ${result.error.message}` : 'failed';
  return `${monitor} is DOWN after ${consecutive} failed checks: ${reason}`;
}

/**
 * A sink: logs each monitor's state changes (from the `health` operator) — warn when it goes down,
 * info when it comes up — naming the monitor and the reason.
 *
 * @param params `states$` from `health()` and the `logger`.
 * @returns The subscription.
 */
export function logStateChanges({ states$, logger }: { states$: Observable<MonitorState>; logger: Logger }): Subscription {
  return states$.subscribe({
    next(change) {
      const fields = { monitor: change.monitor, state: change.state, since: change.since, consecutive: change.consecutive, error: change.result.error };
      if (change.state === 'down') logger.warn(fields, stateMessage(change));
      else logger.info(fields, stateMessage(change));
    },
  });
}
