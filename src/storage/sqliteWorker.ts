/**
 * The thread that owns the SQLite connection when the daemon runs (see `sqliteWorkerStore.ts`):
 * better-sqlite3 is synchronous, so writes, retention and reads happen here, off the event loop
 * that schedules checks. One request at a time, answered in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lastValueFrom } from 'rxjs';
import { type SqliteStoreOptions, openSqliteStore } from './sqliteStore.js';
import type { Store } from './store.js';
import { StoreError } from './storeError.js';

/** A request from the main thread. */
export interface WorkerRequest {
  id: number;
  op: 'write' | 'prune' | 'results' | 'changes' | 'uptime' | 'buckets' | 'resume' | 'monitors' | 'addMaintenance' | 'stopMaintenance' | 'maintenance' | 'close';
  args: unknown[];
}

/** The answer to one request. */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; code?: string; where?: string; problem?: string; storeError: boolean } };

/**
 * An error as it crosses the thread boundary: its message, its SQLite code, and for a
 * {@link StoreError} where and what.
 *
 * @param error What was thrown.
 * @returns A plain object.
 */
export function describeWorkerError(error: unknown): Extract<WorkerReply, { ok: false }>['error'] {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const own = (error as { code?: unknown } | undefined)?.code;
  const code = typeof own === 'string' ? own : typeof cause?.code === 'string' ? cause.code : undefined;
  if (error instanceof StoreError) return { message: error.message, where: error.where, problem: error.problem, storeError: true, ...(code ? { code } : {}) };
  return { message: error instanceof Error ? error.message : String(error), storeError: false, ...(code ? { code } : {}) };
}

async function serve(store: Store, request: WorkerRequest): Promise<unknown> {
  const [first, second, third] = request.args as [never, never, never];
  switch (request.op) {
    case 'write':
      return lastValueFrom(store.write(first), { defaultValue: undefined });
    case 'prune':
      return lastValueFrom(store.prune(first, second, third));
    case 'results':
      return store.results(first);
    case 'changes':
      return store.changes(first);
    case 'uptime':
      return store.uptime(first);
    case 'buckets':
      return store.buckets(first, second, third);
    case 'resume':
      return store.resume();
    case 'monitors':
      return store.monitors();
    case 'addMaintenance':
      return store.addMaintenance(first);
    case 'stopMaintenance':
      return store.stopMaintenance(first, second);
    case 'maintenance':
      return store.maintenance(first);
    case 'close':
      return store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  const { path, options } = workerData as { path: string; options: SqliteStoreOptions };
  openSqliteStore(path, options).then(
    (store) => {
      let queue = Promise.resolve();
      port.on('message', (request: WorkerRequest) => {
        queue = queue.then(async () => {
          try {
            port.postMessage({ id: request.id, ok: true, value: await serve(store, request) } satisfies WorkerReply);
          } catch (error) {
            port.postMessage({ id: request.id, ok: false, error: describeWorkerError(error) } satisfies WorkerReply);
          }
          if (request.op === 'close') port.close();
        });
      });
      port.postMessage({ id: 0, ok: true, value: 'open' } satisfies WorkerReply);
    },
    (error: unknown) => {
      port.postMessage({ id: 0, ok: false, error: describeWorkerError(error) } satisfies WorkerReply);
      port.close();
    },
  );
}
