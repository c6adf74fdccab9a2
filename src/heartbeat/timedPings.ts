import { type OperatorFunction, type SchedulerLike, asyncScheduler, defer, filter, map } from 'rxjs';
import type { Ping } from './ping.js';

/** A success or fail ping, stamped with when it came and how long the job took. */
export interface TimedPing {
  ping: Ping;
  /** When it came, ms since the epoch (`scheduler.now()`). */
  atMs: number;
  /** From the job's `/start` to this ping, ms; 0 when no `/start` came first. */
  durationMs: number;
}

/**
 * Stamps pings with the scheduler's time and pairs each `/start` with the next success or fail,
 * which carries the job's duration (as healthchecks.io measures it). A `start` emits nothing by
 * itself; a second `start` before the end restarts the clock; each end consumes its start.
 *
 * ```
 * pings:        -s--o---o--s-f-|      (s: start, o: success, f: fail)
 * timedPings(): ----a---b----c-|      a.durationMs 3, b 0, c 2
 * ```
 *
 * @param scheduler Where time comes from. Default `asyncScheduler`.
 * @returns The operator.
 */
export function timedPings(scheduler: SchedulerLike = asyncScheduler): OperatorFunction<Ping, TimedPing> {
  return (pings$) =>
    defer(() => {
      let startedAt: number | undefined;
      return pings$.pipe(
        map((ping) => {
          const atMs = scheduler.now();
          if (ping.kind === 'start') {
            startedAt = atMs;
            return undefined;
          }
          const durationMs = startedAt === undefined ? 0 : atMs - startedAt;
          startedAt = undefined;
          return { ping, atMs, durationMs };
        }),
        filter((timed): timed is TimedPing => timed !== undefined),
      );
    });
}
