import { NEVER, type Observable, concat, defer, finalize, of, share, takeUntil, tap } from 'rxjs';
import { inject, injectable, multiInject } from 'inversify';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import { TYPES } from '../di/identifiers.js';
import type { Logger } from '../logging/logger.js';
import type { Monitor, MonitorFactory } from '../monitor/monitor.js';
import { diffMonitorSpecs } from './diffMonitorSpecs.js';
import { dispatch } from './dispatch.js';
import { runMonitors } from './runMonitors.js';

/**
 * Runs every monitor: merges their streams into one `results$` and tears it down with
 * `takeUntil(shutdown$)`. Logs the original daemon's lifecycle lines: `Starting up`, then on
 * shutdown `Shutting down` and, once every monitor is unsubscribed, `Shutdown finished successfully`.
 *
 * On reload, each new monitor list is diffed against the running one: unchanged monitors keep their
 * schedule, changed ones restart, removed ones stop (aborting their in-flight check), added ones start.
 */
@injectable()
export class Dispatcher {
  /**
   * @param monitors Every monitor of the config, multi-injected (one binding per config entry).
   * @param logger The root logger.
   * @param monitorFactory Makes monitors for specs that come with a reload.
   */
  constructor(
    @multiInject(TYPES.Monitor) readonly monitors: Monitor[],
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.MonitorFactory) private readonly monitorFactory: MonitorFactory,
  ) {}

  /**
   * The merged results of all monitors, until `shutdown$` emits. Cold: each subscription starts the
   * monitors anew; share it to feed several sinks.
   *
   * @param shutdown$ Stops everything on its first value.
   * @param reloads$ Monitor lists of reloaded configs (none by default).
   * @returns Every check result; completes after shutdown.
   */
  run(shutdown$: Observable<unknown>, reloads$: Observable<readonly ResolvedMonitorSpec[]> = NEVER): Observable<CheckResult> {
    return defer(() => {
      this.logger.info({ monitors: this.monitors.length }, 'Starting up');
      const injected = new Map(this.monitors.map((monitor) => [monitor.spec, monitor]));
      let monitorCount = this.monitors.length;
      let stopping = false;
      const stop$ = shutdown$.pipe(
        tap(() => {
          stopping = true;
          this.logger.info('Shutting down');
        }),
        share(),
      );
      let reloading = false;
      const specs$ = concat(
        of(this.monitors.map((monitor) => monitor.spec)),
        defer(() => {
          reloading = true;
          return reloads$.pipe(
            tap((specs) => {
              monitorCount = specs.length;
            }),
          );
        }),
      );
      return specs$.pipe(
        diffMonitorSpecs(),
        tap((change) => {
          if (reloading) this.logger.info({ monitor: change.name }, `monitor ${change.name} ${change.spec ? 'added or changed' : 'removed'}`);
        }),
        runMonitors((spec) => {
          const monitor = injected.get(spec) ?? this.monitorFactory(spec, monitorCount);
          injected.delete(spec);
          return monitor.results$;
        }),
        takeUntil(stop$),
        finalize(() => {
          if (stopping) this.logger.info('Shutdown finished successfully');
        }),
      );
    });
  }

  /**
   * Every monitor checks once (`--once`), until all are done or `shutdown$` emits.
   *
   * @param shutdown$ Stops early on its first value.
   * @returns One result per monitor; completes when all are in.
   */
  runOnce(shutdown$: Observable<unknown>): Observable<CheckResult> {
    return dispatch(
      this.monitors.map((monitor) => monitor.check$),
      shutdown$,
    );
  }
}
