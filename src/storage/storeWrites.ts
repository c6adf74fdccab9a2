import { Observable, type OperatorFunction, type SchedulerLike, type Subscription, asyncScheduler, interval } from 'rxjs';
import type { HealthUpdate } from '../operators/healthSteps.js';
import { PendingWrites, type TakenBatch } from './pendingWrites.js';
import type { Store } from './store.js';

/** What became of the writes: the writer's own results, for logs and metrics. */
export type StoreWriteEvent =
  | { kind: 'written'; results: number; changes: number; pending: number }
  | { kind: 'failed'; error: unknown; pending: number }
  | { kind: 'dropped'; count: number }
  | { kind: 'unwritten'; results: number };

/** Options of {@link storeWrites}. */
export interface StoreWritesOptions {
  store: Store;
  /** Write a batch this often, ms. */
  flushEvery: number;
  /** At most this many results wait (while the store is down); beyond, the oldest are dropped. */
  bufferSize: number;
  /** The most results in one write. Default 5,000. */
  maxBatch?: number;
  /** Where the flush timer runs. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
}

/**
 * The storage sink's engine: queues every result (with its monitor's health) and writes them in
 * batches every `flushEvery`, one write at a time, off the check path. A failed write keeps its
 * batch for the next flush; while the store is away the queue is bounded by `bufferSize`, beyond
 * which the oldest results are dropped (and said). When the input completes, what waits is written
 * (batch after batch) before the output completes; a failure then ends it, counting what was left.
 *
 * ```
 * updates:        -a-b-----c-|
 * flush every 4:  ----w---w--(w|)   (w: a `written` event)
 * ```
 *
 * @param options The store, the flush period and the bound.
 * @returns An operator from health updates to write events.
 */
export function storeWrites({ store, flushEvery, bufferSize, maxBatch = 5_000, scheduler = asyncScheduler }: StoreWritesOptions): OperatorFunction<HealthUpdate, StoreWriteEvent> {
  return (updates$) =>
    new Observable<StoreWriteEvent>((subscriber) => {
      const pending = new PendingWrites(bufferSize);
      let writing: Subscription | undefined;
      let inputDone = false;

      const finish = (failed: boolean) => {
        if (failed && pending.size > 0) subscriber.next({ kind: 'unwritten', results: pending.size });
        subscriber.complete();
      };
      const flush = (): void => {
        if (writing) return;
        if (pending.empty) {
          if (inputDone) finish(false);
          return;
        }
        const taken: TakenBatch = pending.take(maxBatch);
        let ended = false;
        const started = store.write(taken.batch).subscribe({
          error: (error: unknown) => {
            ended = true;
            writing = undefined;
            subscriber.next({ kind: 'failed', error, pending: pending.size });
            if (inputDone) finish(true);
          },
          complete: () => {
            ended = true;
            writing = undefined;
            pending.commit(taken);
            subscriber.next({ kind: 'written', results: taken.batch.results.length, changes: taken.batch.changes.length, pending: pending.size });
            if (inputDone) flush();
          },
        });
        if (!ended) writing = started;
      };

      const ticks = interval(flushEvery, scheduler).subscribe(() => flush());
      const input = updates$.subscribe({
        next(update) {
          const dropped = pending.add(update);
          if (dropped > 0) subscriber.next({ kind: 'dropped', count: dropped });
        },
        error(error: unknown) {
          subscriber.error(error);
        },
        complete() {
          inputDone = true;
          ticks.unsubscribe();
          flush();
        },
      });
      return () => {
        input.unsubscribe();
        ticks.unsubscribe();
        writing?.unsubscribe();
      };
    });
}
