import { EMPTY, type Observable, type SchedulerLike, asyncScheduler, tap } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { Monitor } from '../monitor/monitor.js';
import type { HeartbeatMonitorSpec } from './heartbeatResult.js';
import { heartbeatResults } from './heartbeatResults.js';
import type { PingHub } from './pingHub.js';

/** What a {@link HeartbeatMonitor} needs besides its spec. */
export interface HeartbeatMonitorOptions {
  hub: PingHub;
  scheduler?: SchedulerLike;
}

/**
 * A {@link Monitor} that is pinged instead of checked: its `results$` listens on the ping hub
 * under its name and token while subscribed (so the dispatcher runs, restarts and stops it like any
 * other), and notes each result in the hub so that a restarted or changed monitor's first deadline
 * counts from the last result. Its `check$` is empty: `--once` has nothing to run for it.
 */
export class HeartbeatMonitor implements Monitor {
  readonly name: string;
  readonly results$: Observable<CheckResult>;
  readonly check$: Observable<CheckResult> = EMPTY;

  /**
   * @param spec The resolved spec of this heartbeat monitor.
   * @param options The hub and the scheduler.
   */
  constructor(
    readonly spec: HeartbeatMonitorSpec,
    { hub, scheduler = asyncScheduler }: HeartbeatMonitorOptions,
  ) {
    this.name = spec.name;
    this.results$ = heartbeatResults(spec, hub.pings$(spec.name, spec.heartbeat.token), {
      scheduler,
      lastResultAt: () => hub.lastResultAt(spec.name),
    }).pipe(tap((result) => hub.noteResult(result.monitor, Date.parse(result.startedAt))));
  }
}
