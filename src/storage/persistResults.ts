import { type Observable, type SchedulerLike, type Subscription, asyncScheduler, takeUntil } from 'rxjs';
import type { StorageSpec } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { StoreMetricEvent } from '../metrics/createMetrics.js';
import type { HealthUpdate } from '../operators/healthSteps.js';
import { pruneRuns } from './pruneRuns.js';
import type { Store } from './store.js';
import { storeWrites } from './storeWrites.js';

/** What {@link persistResults} needs. */
export interface PersistResultsParams {
  /** Every result with its monitor's health (from `healthSteps`). */
  updates$: Observable<HealthUpdate>;
  store: Store;
  spec: StorageSpec;
  logger: Logger;
  /** Where `rxmon_store_*` go. */
  recordStore: (event: StoreMetricEvent) => void;
  /** Ends retention runs. */
  stop$: Observable<unknown>;
  scheduler?: SchedulerLike;
  /** Repeat a write failure in the log at most this often, ms. Default 60 s. */
  logFailuresEvery?: number;
}

/** The running sink. */
export interface PersistedResults {
  /** Resolves when `updates$` has completed and what waited was written (or given up). */
  readonly drained: Promise<void>;
  /** Stops writing and retention now. */
  stop(): void;
}

/**
 * A sink: writes every result, state change and health track to the store in batches (see
 * {@link storeWrites}), runs retention in the background, and says what goes wrong — once when
 * writes start failing (`store write failed`, with the error code), at most once a minute while they
 * go on failing, once when they recover (`store write recovered`), and whenever results are dropped
 * because the store was away too long. Never throws.
 *
 * @param params The updates, the store, its config, the logger and the metrics.
 * @returns The running sink.
 */
export function persistResults({ updates$, store, spec, logger, recordStore, stop$, scheduler = asyncScheduler, logFailuresEvery = 60_000 }: PersistResultsParams): PersistedResults {
  let failingSince: number | undefined;
  let lastFailureLog = -Infinity;
  let dropped = 0;
  let resolveDrained!: () => void;
  const drained = new Promise<void>((resolve) => (resolveDrained = resolve));

  const writes: Subscription = updates$
    .pipe(storeWrites({ store, flushEvery: spec.flushEvery, bufferSize: spec.bufferSize, scheduler }))
    .subscribe({
      next(event) {
        const now = scheduler.now();
        switch (event.kind) {
          case 'written':
            recordStore({ kind: 'written', results: event.results, pending: event.pending });
            if (failingSince !== undefined) {
              logger.info({ store: store.type, downMs: now - failingSince, pending: event.pending, dropped }, 'store write recovered');
              failingSince = undefined;
              dropped = 0;
            }
            break;
          case 'failed':
            recordStore({ kind: 'failed', pending: event.pending });
            failingSince ??= now;
            if (now - lastFailureLog >= logFailuresEvery) {
              lastFailureLog = now;
              logger.error({ store: store.type, code: errorCode(event.error), err: describe(event.error), pending: event.pending, bufferSize: spec.bufferSize }, 'store write failed; results wait in the buffer');
            }
            break;
          case 'dropped':
            recordStore({ kind: 'dropped', count: event.count });
            if (dropped === 0) logger.warn({ store: store.type, bufferSize: spec.bufferSize }, 'store buffer full: dropping the oldest results');
            dropped += event.count;
            break;
          case 'unwritten':
            recordStore({ kind: 'dropped', count: event.results });
            logger.warn({ store: store.type, results: event.results }, 'results not written at shutdown: the store was unavailable');
            break;
        }
      },
      error(error: unknown) {
        logger.error({ err: describe(error) }, 'storage sink failed');
        resolveDrained();
      },
      complete: () => resolveDrained(),
    });

  const retention = pruneRuns({ store, retention: spec.retention, every: spec.pruneEvery, scheduler })
    .pipe(takeUntil(stop$))
    .subscribe((event) => {
      if (event.kind === 'pruned') {
        recordStore({ kind: 'pruned', rows: event.rows });
        if (event.rows > 0) logger.info({ store: store.type, rows: event.rows, tookMs: event.tookMs }, 'retention pruned old rows');
      } else {
        logger.error({ store: store.type, code: errorCode(event.error), err: describe(event.error) }, 'retention run failed');
      }
    });

  return {
    drained,
    stop() {
      writes.unsubscribe();
      retention.unsubscribe();
      resolveDrained();
    },
  };
}

/**
 * @param error Anything thrown by a store.
 * @returns Its `code`, or its cause's (`SQLITE_FULL`, `ECONNREFUSED`, `57P01`, …), or `STORE_ERROR`.
 */
export function errorCode(error: unknown): string {
  const own = (error as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const code = typeof own === 'string' && own !== '' ? own : cause;
  return typeof code === 'string' && code !== '' ? code : 'STORE_ERROR';
}

function describe(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
