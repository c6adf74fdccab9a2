import { Worker } from 'node:worker_threads';
import { type Observable, defer, from, map } from 'rxjs';
import type { SqliteStoreOptions } from './sqliteStore.js';
import type { WorkerReply, WorkerRequest } from './sqliteWorker.js';
import type {
  AdHocWindow,
  AggregateBucket,
  ChangeQuery,
  HealthSnapshot,
  MaintenanceTarget,
  ResultPage,
  ResultQuery,
  Retention,
  Store,
  StoreBatch,
  UptimeFigure,
  UptimeQuery,
} from './store.js';
import { StoreError } from './storeError.js';
import type { MonitorState } from '../operators/health.js';

/** An error the SQLite thread reported, with its SQLite code (`SQLITE_FULL`, `SQLITE_READONLY`, …). */
class SqliteThreadError extends Error {
  override readonly name = 'SqliteThreadError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function rebuild(error: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (error.storeError && error.where !== undefined && error.problem !== undefined) {
    return new StoreError(error.where, error.problem, error.code ? { cause: new SqliteThreadError(error.problem, error.code) } : undefined);
  }
  return new SqliteThreadError(error.message, error.code);
}

/**
 * Opens the SQLite store on a thread of its own: the same store as {@link openSqliteStore}, but its
 * synchronous work (a batch of 1,000 results with their aggregates takes tens of ms on a busy
 * machine) never holds up the event loop that schedules checks. Each call is one message there and
 * one back; batches are copied once (structured clone).
 *
 * @param path The database file.
 * @param options As {@link openSqliteStore}'s.
 * @param workerUrl The compiled worker script. Default: `sqliteWorker.js` beside this file.
 * @returns The open store.
 * @throws {StoreError} As {@link openSqliteStore}: not a database, a newer schema, in use, not writable.
 */
export async function openSqliteWorkerStore(
  path: string,
  options: SqliteStoreOptions = {},
  workerUrl: URL = new URL('./sqliteWorker.js', import.meta.url),
): Promise<Store> {
  const worker = new Worker(workerUrl, { workerData: { path, options } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const opened = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (reply: WorkerReply) => {
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.ok) entry.resolve(reply.value);
    else entry.reject(rebuild(reply.error));
  });
  worker.on('error', (error) => failAll(new StoreError(path, `the SQLite thread failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new StoreError(path, `the SQLite thread exited (code ${code})`));
    failure ??= new StoreError(path, 'the store is closed');
  });
  await opened;

  const call = <T>(op: WorkerRequest['op'], ...args: unknown[]): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  };
  let closing: Promise<void> | undefined;

  return {
    type: 'sqlite',
    write: (batch: StoreBatch): Observable<void> => defer(() => from(call<void>('write', batch))).pipe(map(() => undefined)),
    prune: (retention: Retention, nowMs: number, batchSize: number): Observable<number> => defer(() => from(call<number>('prune', retention, nowMs, batchSize))),
    results: (query: ResultQuery) => call<ResultPage>('results', query),
    changes: (query: ChangeQuery) => call<MonitorState[]>('changes', query),
    uptime: (query: UptimeQuery) => call<UptimeFigure[]>('uptime', query),
    buckets: (monitor: string, query: Omit<UptimeQuery, 'monitors' | 'width'>, width: 'hour' | 'day') => call<AggregateBucket[]>('buckets', monitor, query, width),
    resume: () => call<HealthSnapshot[]>('resume'),
    monitors: () => call<string[]>('monitors'),
    addMaintenance: (window: AdHocWindow) => call<void>('addMaintenance', window),
    stopMaintenance: (target: MaintenanceTarget, nowMs: number) => call<number>('stopMaintenance', target, nowMs),
    maintenance: (nowMs: number) => call<AdHocWindow[]>('maintenance', nowMs),
    close() {
      closing ??= failure
        ? Promise.resolve()
        : call<void>('close').then(
            () => worker.terminate().then(() => undefined),
            () => worker.terminate().then(() => undefined),
          );
      return closing;
    },
  };
}
