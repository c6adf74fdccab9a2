import type { Subscription } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { SpecParts } from '../config/specParts.js';
import type { MonitorFactory } from '../monitor/monitor.js';
import type { FromWorker, ToWorker } from './workerProtocol.js';

/** Where {@link runMonitorsInWorker} posts batches (a `MessagePort`, or a fake in tests). */
export interface BatchPort {
  postMessage(message: FromWorker): void;
}

/** What {@link runMonitorsInWorker} needs. */
export interface RunMonitorsInWorkerParams {
  /** Makes the monitor for a spec (the worker's own HTTP client, scheduler and gate). */
  monitorFactory: MonitorFactory;
  port: BatchPort;
  /** Longest a result waits before its batch is posted, ms. */
  batchMs: number;
  /** A batch is posted at once at this size. */
  batchSize: number;
}

/** The worker's side: what it does with each message, and how to stop everything. */
export interface WorkerRuns {
  /** Handles one message of the main thread. */
  handle(message: ToWorker): void;
  /** How many runs are subscribed now. */
  readonly running: number;
  /** Unsubscribes every run (aborting in-flight checks) and posts what is batched. */
  stop(): void;
}

/**
 * The body of a monitor worker: subscribes a monitor's `results$` per `start`, unsubscribes it per
 * `stop`, and posts results back in batches — at most `batchMs` late, at most `batchSize` long — so
 * that the main thread gets a message per batch, not per result.
 *
 * @param params The factory, the port, and the batch bounds.
 * @returns The handler.
 */
export function runMonitorsInWorker({ monitorFactory, port, batchMs, batchSize }: RunMonitorsInWorkerParams): WorkerRuns {
  const runs = new Map<number, Subscription>();
  // Each message brings its own copy of a spec: alike parts are shared again, as on the main thread.
  const parts = new SpecParts();
  let ids: number[] = [];
  let results: CheckResult[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (results.length === 0) return;
    const batch: FromWorker = { type: 'results', ids, results };
    ids = [];
    results = [];
    port.postMessage(batch);
  };
  const push = (id: number, result: CheckResult) => {
    ids.push(id);
    results.push(result);
    if (results.length >= batchSize) flush();
    else timer ??= setTimeout(flush, batchMs);
  };

  return {
    handle(message) {
      if (message.type === 'start') {
        runs.get(message.id)?.unsubscribe();
        const { id } = message;
        // Started on the main thread at `startedAt`: the time it took to get here (thread start-up,
        // warm-up) comes off the first-check offset, so the schedule is the one it would have in-process.
        const lateMs = Math.max(0, Date.now() - message.startedAt);
        const subscription = monitorFactory(parts.spec(message.spec), message.monitorCount, lateMs).results$.subscribe({
          next: (result) => push(id, result),
          error: (error: unknown) => {
            runs.delete(id);
            port.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
          },
        });
        // A synchronous failure already removed it.
        if (!subscription.closed) runs.set(id, subscription);
      } else {
        runs.get(message.id)?.unsubscribe();
        runs.delete(message.id);
      }
    },
    get running() {
      return runs.size;
    },
    stop() {
      for (const subscription of runs.values()) subscription.unsubscribe();
      runs.clear();
      flush();
    },
  };
}
