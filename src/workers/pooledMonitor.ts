import type { Observable } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { Monitor } from '../monitor/monitor.js';
import type { WorkerPool } from './workerPool.js';

/**
 * A {@link Monitor} whose schedule runs on a worker thread of a {@link WorkerPool}: the same cold
 * `results$` contract (subscribe starts it, unsubscribe stops it), so the dispatcher merges it like
 * any other. `check$` (`--once`) runs on the calling thread: a single round needs no workers.
 */
export class PooledMonitor implements Monitor {
  readonly name: string;
  readonly results$: Observable<CheckResult>;

  /**
   * @param spec The monitor.
   * @param pool Where its schedule runs.
   * @param monitorCount How many monitors the daemon runs (the spread of first checks).
   * @param check Makes one check on this thread, for `--once` (called when `check$` is read).
   */
  constructor(
    readonly spec: ResolvedMonitorSpec,
    pool: WorkerPool,
    monitorCount: number,
    private readonly check: (spec: ResolvedMonitorSpec) => Observable<CheckResult>,
  ) {
    this.name = spec.name;
    this.results$ = pool.results(spec, monitorCount);
  }

  /** One check on this thread: made when asked (only `--once` asks), not kept per running monitor. */
  get check$(): Observable<CheckResult> {
    return this.check(this.spec);
  }
}
