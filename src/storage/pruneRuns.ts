import { EMPTY, type Observable, type SchedulerLike, asyncScheduler, catchError, exhaustMap, expand, map, of, reduce, switchMap, timer } from 'rxjs';
import type { Retention, Store } from './store.js';

/** What one retention run did. */
export type PruneEvent = { kind: 'pruned'; rows: number; tookMs: number } | { kind: 'failed'; error: unknown };

/** Options of {@link pruneRuns}. */
export interface PruneRunsOptions {
  store: Store;
  retention: Retention;
  /** A run this often, ms; the first one a minute after start (or `every`, if shorter). */
  every: number;
  /** Rows deleted per statement. Default 2,000. */
  batchSize?: number;
  /** Pause between two statements of a run, ms, so checks and writes go on. Default 10 ms. */
  pauseMs?: number;
  scheduler?: SchedulerLike;
}

/**
 * Retention, run in the background: every `every`, deletes what the retention no longer keeps, in
 * small statements with a pause between them, so a large delete never stalls the event loop. A run
 * still going when the next is due is not doubled. A failed statement ends that run (said as a
 * `failed` event); the next run tries again. Never completes by itself: stop it with `takeUntil`.
 *
 * ```
 * every 10, batches 5, 5, 2:  ----------(p)-------   (p: pruned 12 rows)
 * ```
 *
 * @param options The store, the retention and the pacing.
 * @returns The runs' events.
 */
export function pruneRuns({ store, retention, every, batchSize = 2_000, pauseMs = 10, scheduler = asyncScheduler }: PruneRunsOptions): Observable<PruneEvent> {
  const once = (): Observable<number> => store.prune(retention, scheduler.now(), batchSize);
  return timer(Math.min(every, 60_000), every, scheduler).pipe(
    exhaustMap(() => {
      const started = scheduler.now();
      return once().pipe(
        expand((deleted) => (deleted >= batchSize ? timer(pauseMs, scheduler).pipe(switchMap(once)) : EMPTY)),
        reduce((total, deleted) => total + deleted, 0),
        map((rows): PruneEvent => ({ kind: 'pruned', rows, tookMs: scheduler.now() - started })),
        catchError((error: unknown) => of<PruneEvent>({ kind: 'failed', error })),
      );
    }),
  );
}
