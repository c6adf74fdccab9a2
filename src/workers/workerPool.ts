import { Worker } from 'node:worker_threads';
import { Observable, type Subscriber } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { Config, ResolvedMonitorSpec } from '../config/types.js';
import { sharedGateBuffer } from './sharedCheckGate.js';
import { workerFor } from './workerFor.js';
import type { FromWorker, MonitorWorkerData, ToWorker } from './workerProtocol.js';

/** At most this many origins a worker opens in its warm-up (as the main thread's). */
const WARM_UP_ORIGINS = 64;

/**
 * One monitor per distinct origin (scheme, host, port, trust, IP family): what a worker's warm-up
 * needs, without sending it every monitor.
 *
 * @param specs A worker's monitors.
 * @returns At most {@link WARM_UP_ORIGINS} of them.
 */
function warmUpSpecs(specs: readonly ResolvedMonitorSpec[]): ResolvedMonitorSpec[] {
  const byOrigin = new Map<string, ResolvedMonitorSpec>();
  for (const spec of specs) {
    if (byOrigin.size >= WARM_UP_ORIGINS) break;
    if (spec.heartbeat !== undefined || !URL.canParse(spec.url)) continue;
    const key = `${new URL(spec.url).origin}|${spec.tls.ca ?? ''}|${spec.tls.insecure}|${spec.ipFamily}`;
    if (!byOrigin.has(key)) byOrigin.set(key, spec);
  }
  return [...byOrigin.values()];
}

/** What the pool says when a worker thread died under its monitors (it is restarted at once). */
export interface WorkerCrash {
  /** The worker's index. */
  worker: number;
  /** How many monitors it ran (they are started again on the new thread). */
  monitors: number;
  /** The uncaught error, when there was one. */
  error?: Error;
  exitCode: number;
}

/** What {@link WorkerPool} needs. */
export interface WorkerPoolOptions {
  /** How many worker threads (≥ 1). */
  size: number;
  /** The config every worker builds its container from. */
  config: Config;
  /** The worker entry, `monitorWorker.js`. Default: beside this module (in `dist/workers/`). */
  workerUrl?: URL;
  /** Longest a result waits in a worker before its batch is posted, ms. Default 20. */
  batchMs?: number;
  /** A batch is posted at once at this many results. Default 512. */
  batchSize?: number;
  /** Told of each crash (then the worker is restarted with its monitors). */
  onCrash?: (crash: WorkerCrash) => void;
}

interface Run {
  subscriber: Subscriber<CheckResult>;
  start: ToWorker;
  worker: number;
}

interface Slot {
  thread: Worker;
  /** Messages not posted yet: a microtask posts them as one (50,000 starts are two messages, not 50,000). */
  outbox: ToWorker[];
  /** Runs on this thread. */
  runs: Set<number>;
  /** Terminated on purpose: its exit is no crash. */
  retired: boolean;
}

/**
 * Monitor worker threads: each monitor runs on the thread {@link workerFor} picks, with that thread's
 * own HTTP client and scheduler, and its results come back in batches. {@link WorkerPool.results}
 * is the monitor's cold `results$`, as on the main thread: subscribing starts its schedule there,
 * unsubscribing stops it (aborting its in-flight check). A thread starts with its first monitor and
 * ends with its last (so the process exits once the dispatcher has stopped them). A thread that
 * crashes is reported and started again with its own monitors; no other thread is touched.
 */
export class WorkerPool {
  private readonly slots: Array<Slot | undefined>;
  private readonly runs = new Map<number, Run>();
  private readonly gate = sharedGateBuffer();
  private nextId = 1;

  /** @param options The size, the config, and where crashes are told. */
  constructor(private readonly options: WorkerPoolOptions) {
    if (!Number.isSafeInteger(options.size) || options.size < 1) throw new RangeError(`a worker pool needs at least 1 worker, not ${options.size}`);
    this.slots = new Array<Slot | undefined>(options.size).fill(undefined);
  }

  /** How many worker threads there are at most. */
  get size(): number {
    return this.options.size;
  }

  /** The threads running now, by index (for operations and tests: a test kills one). */
  get threads(): ReadonlyArray<Worker | undefined> {
    return this.slots.map((slot) => slot?.thread);
  }

  /**
   * One monitor's results, from its worker thread.
   *
   * @param spec The monitor.
   * @param monitorCount How many monitors the daemon runs (the spread of first checks).
   * @returns Cold; never completes by itself.
   */
  results(spec: ResolvedMonitorSpec, monitorCount: number): Observable<CheckResult> {
    return new Observable<CheckResult>((subscriber) => {
      const id = this.nextId++;
      const worker = workerFor(spec.name, this.options.size);
      const start: ToWorker = { type: 'start', id, spec, monitorCount, startedAt: Date.now() };
      this.runs.set(id, { subscriber, start, worker });
      const slot = this.slotFor(worker);
      slot.runs.add(id);
      this.send(slot, start);
      return () => {
        this.runs.delete(id);
        const current = this.slots[worker];
        if (!current) return;
        current.runs.delete(id);
        if (current.runs.size > 0) this.send(current, { type: 'stop', id });
        else this.retire(worker);
      };
    });
  }

  /** Ends every thread (their monitors' subscribers get nothing more). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((_, index) => this.retire(index)));
  }

  private slotFor(index: number): Slot {
    const existing = this.slots[index];
    if (existing) return existing;
    const data: MonitorWorkerData = {
      config: { ...this.options.config, monitors: [] },
      warmUp: warmUpSpecs(this.options.config.monitors.filter((spec) => workerFor(spec.name, this.options.size) === index)),
      gate: this.gate, batchMs: this.options.batchMs ?? 20, batchSize: this.options.batchSize ?? 512 };
    const thread = new Worker(this.options.workerUrl ?? new URL('./monitorWorker.js', import.meta.url), { workerData: data, name: `rxmon-monitors-${index}` });
    const slot: Slot = { thread, outbox: [], runs: new Set(), retired: false };
    this.slots[index] = slot;
    let error: Error | undefined;
    thread.on('message', (message: FromWorker) => this.receive(message));
    thread.on('error', (cause) => {
      error = cause;
    });
    thread.on('exit', (exitCode) => {
      if (this.slots[index] === slot) this.slots[index] = undefined;
      if (slot.retired) return;
      this.options.onCrash?.({ worker: index, monitors: slot.runs.size, exitCode, ...(error ? { error } : {}) });
      this.restart(index, slot.runs);
    });
    return slot;
  }

  private restart(index: number, ids: ReadonlySet<number>): void {
    const live = [...ids].filter((id) => this.runs.has(id));
    if (live.length === 0) return;
    const slot = this.slotFor(index);
    for (const id of live) {
      slot.runs.add(id);
      this.send(slot, this.runs.get(id)!.start);
    }
  }

  /** Queues `message` for the slot's thread; the first one queued posts them all in a microtask, in order. */
  private send(slot: Slot, message: ToWorker): void {
    slot.outbox.push(message);
    if (slot.outbox.length > 1) return;
    queueMicrotask(() => {
      const messages = slot.outbox;
      slot.outbox = [];
      if (!slot.retired) slot.thread.postMessage(messages);
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'results') {
      const { ids, results } = message;
      for (let i = 0; i < ids.length; i++) this.runs.get(ids[i])?.subscriber.next(results[i]);
    } else {
      this.runs.get(message.id)?.subscriber.error(new Error(message.message));
    }
  }

  private async retire(index: number): Promise<void> {
    const slot = this.slots[index];
    if (!slot) return;
    slot.retired = true;
    this.slots[index] = undefined;
    await slot.thread.terminate();
  }
}
