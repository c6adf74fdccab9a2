import { type Observable, defer, finalize, share, tap } from 'rxjs';
import { inject, injectable, multiInject } from 'inversify';
import type { CheckResult } from '../check/checkResult.js';
import { TYPES } from '../di/identifiers.js';
import type { Logger } from '../logging/logger.js';
import type { Monitor } from '../monitor/monitor.js';
import { dispatch } from './dispatch.js';

/**
 * Runs every monitor: merges their streams into one `results$` and tears it down with
 * `takeUntil(shutdown$)`. Logs the original daemon's lifecycle lines: `Starting up`, then on
 * shutdown `Shutting down` and, once every monitor is unsubscribed, `Shutdown finished successfully`.
 */
@injectable()
export class Dispatcher {
  /**
   * @param monitors Every monitor, multi-injected (one binding per config entry).
   * @param logger The root logger.
   */
  constructor(
    @multiInject(TYPES.Monitor) readonly monitors: Monitor[],
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /**
   * The merged results of all monitors, until `shutdown$` emits. Cold: each subscription starts the
   * monitors anew; share it to feed several sinks.
   *
   * @param shutdown$ Stops everything on its first value.
   * @returns Every check result; completes after shutdown.
   */
  run(shutdown$: Observable<unknown>): Observable<CheckResult> {
    return defer(() => {
      this.logger.info({ monitors: this.monitors.length }, 'Starting up');
      let stopping = false;
      const stop$ = shutdown$.pipe(
        tap(() => {
          stopping = true;
          this.logger.info('Shutting down');
        }),
        share(),
      );
      return dispatch(
        this.monitors.map((monitor) => monitor.results$),
        stop$,
      ).pipe(
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
