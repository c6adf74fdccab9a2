import type { CheckResult } from '../check/checkResult.js';
import type { Config, ResolvedMonitorSpec } from '../config/types.js';

/** What a monitor worker is started with (`workerData`). */
export interface MonitorWorkerData {
  /** The config without its monitors (they are sent one by one). */
  config: Config;
  /** One monitor per distinct origin of this worker's monitors (at most 64): what its warm-up opens. */
  warmUp: ResolvedMonitorSpec[];
  /** The shared `max_concurrent_checks` counter (see `SharedCheckGate`). */
  gate: SharedArrayBuffer;
  /** Longest a result waits in the worker before its batch is posted, ms. */
  batchMs: number;
  /** A batch is posted at once when it holds this many results. */
  batchSize: number;
}

/** Main thread → worker: run a monitor's schedule under a subscription id. */
export interface StartMonitor {
  type: 'start';
  id: number;
  spec: ResolvedMonitorSpec;
  /** How many monitors the daemon runs (sets the spread of first checks). */
  monitorCount: number;
  /** When the main thread started it (`Date.now()`): its first-check offset counts from then. */
  startedAt: number;
}

/** Main thread → worker: stop (unsubscribe) the monitor run under `id`, aborting an in-flight check. */
export interface StopMonitor {
  type: 'stop';
  id: number;
}

/** Main thread → worker (posted as arrays: each message is a batch of these, in order). */
export type ToWorker = StartMonitor | StopMonitor;

/** Worker → main thread: results since the last batch, `ids[i]` is the run `results[i]` belongs to. */
export interface ResultBatch {
  type: 'results';
  ids: number[];
  results: CheckResult[];
}

/** Worker → main thread: a run's stream failed (it should not: errors are values). */
export interface RunFailed {
  type: 'failed';
  id: number;
  message: string;
}

/** Worker → main thread. */
export type FromWorker = ResultBatch | RunFailed;
