import { type Observable, type SchedulerLike, asyncScheduler, defer, map } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { CheckLimiter } from './checkGate.js';
import { schedule } from './schedule.js';

/** One configured monitor: its spec and its never-ending stream of results. */
export interface Monitor {
  readonly name: string;
  readonly spec: ResolvedMonitorSpec;
  /** Cold: subscribing starts the schedule; unsubscribing stops it and aborts an in-flight check. */
  readonly results$: Observable<CheckResult>;
  /** One check, now (cold; for `--once`). */
  readonly check$: Observable<CheckResult>;
}

/**
 * Makes a {@link Monitor} for a spec; `monitorCount` (how many the daemon runs) sets the spread of
 * first checks. `lateMs`: the monitor was started this long ago elsewhere (on the main thread, for a
 * worker thread that gets it late), so its first check comes that much sooner: a worker's start-up
 * does not shift the schedule.
 */
export type MonitorFactory = (spec: ResolvedMonitorSpec, monitorCount: number, lateMs?: number) => Monitor;

/** Makes the cold check Observable for one spec (normally `httpCheck` over the HTTP client). */
export type CheckFactory = (spec: ResolvedMonitorSpec) => Observable<CheckResult>;

/** What {@link monitorResults} needs besides the spec. */
export interface MonitorOptions {
  check: CheckFactory;
  /** Delay of the first check, ms (see `firstCheckOffset`). */
  offset: number;
  scheduler?: SchedulerLike;
  /** Bounds checks in flight across monitors; a check waits here for its turn. */
  gate?: CheckLimiter;
}

/**
 * The fixed-rate stream of one monitor: `schedule` ticks mapped to checks, each result stamped with
 * its `scheduleLagMs` (actual minus planned start, including any wait at the `gate`).
 *
 * ```
 * check(spec):   (r|)
 * monitorResults(spec, { offset: 1, … }):  -r----r----r-…   (checkEvery 5)
 * ```
 *
 * @param spec The resolved monitor spec (`checkEvery`, `retryEvery` in ms).
 * @param options The check factory, first-check offset and scheduler.
 * @returns The monitor's results; never completes by itself.
 */
export function monitorResults(
  spec: ResolvedMonitorSpec,
  { check, offset, scheduler = asyncScheduler, gate }: MonitorOptions,
): Observable<CheckResult> {
  const check$ = check(spec);
  return schedule(
    (planned, missed, started) => {
      // The lag is taken when the check really starts: after any wait at the gate. A first check's
      // start sets the monitor's phase (see `ScheduledCheck`).
      const started$ = defer(() => {
        const now = scheduler.now();
        started?.(now);
        const lag = Math.max(0, now - planned);
        return check$.pipe(map((result): CheckResult => ({ ...result, scheduleLagMs: lag, ...(missed > 0 ? { missedTicks: missed } : {}) })));
      });
      return gate ? gate.limit(started$) : started$;
    },
    { offset, checkEvery: spec.checkEvery, retryEvery: spec.retryEvery, scheduler },
  );
}

/** A {@link Monitor} over a spec, built by the monitors ContainerModule, one per config entry. */
export class HttpMonitor implements Monitor {
  readonly name: string;
  readonly results$: Observable<CheckResult>;
  private readonly check: CheckFactory;

  /**
   * @param spec The resolved spec of this monitor.
   * @param options The check factory, first-check offset and scheduler.
   */
  constructor(
    readonly spec: ResolvedMonitorSpec,
    options: MonitorOptions,
  ) {
    this.name = spec.name;
    this.results$ = monitorResults(spec, options);
    this.check = options.check;
  }

  /** One check, now: made when asked (only `--once` asks), so a running monitor does not keep a second check Observable. */
  get check$(): Observable<CheckResult> {
    return this.check(this.spec);
  }
}
