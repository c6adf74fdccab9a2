import { type Observable, Subject, concatMap, filter, from, share } from 'rxjs';
import { ConfigError } from '../config/configError.js';
import type { Config } from '../config/types.js';
import type { Logger } from '../logging/logger.js';

/** What a reload came to: `ok`, and one line for whoever asked. */
export interface ReloadOutcome {
  ok: boolean;
  message: string;
}

/** Reload requests in, accepted configs out. */
export interface ReloadController {
  /** Every config a reload accepted, in order. Hot; reloads queue until it is subscribed. */
  readonly configs$: Observable<Config>;
  /**
   * Asks for a reload (SIGHUP, `POST /-/reload`, a file change). Reloads run one at a time.
   *
   * @param reason Why, for the log (`SIGHUP`, `http`, `watch`).
   * @returns The outcome: an invalid config is logged with its `file:line` message and the old one keeps running.
   */
  request(reason: string): Promise<ReloadOutcome>;
}

/**
 * Serialises reloads: each request re-reads the config with `load`; a valid one is emitted on
 * `configs$`, an invalid one is logged (error level, same message as at start-up) and dropped.
 *
 * @param params `load` re-reads the config; `logger` gets the outcome.
 * @returns The controller.
 */
export function reloadController({ load, logger }: { load: () => Promise<Config>; logger: Logger }): ReloadController {
  const requests = new Subject<{ reason: string; done: (outcome: ReloadOutcome) => void }>();
  const configs$ = requests.pipe(
    concatMap(({ reason, done }) =>
      from(
        load().then(
          (config) => {
            const message = `config reloaded (${config.monitors.length} monitors)`;
            logger.info({ reason, monitors: config.monitors.length }, message);
            done({ ok: true, message });
            return config;
          },
          (error: unknown) => {
            const message = error instanceof ConfigError ? error.message : `reload failed: ${(error as Error).message}`;
            logger.error({ reason }, `config rejected, keeping the running one: ${message}`);
            done({ ok: false, message });
            return undefined;
          },
        ),
      ),
    ),
    filter((config): config is Config => config !== undefined),
    share(),
  );
  return {
    configs$,
    request: (reason) => new Promise<ReloadOutcome>((done) => requests.next({ reason, done })),
  };
}
