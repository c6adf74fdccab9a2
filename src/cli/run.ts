import { createRequire } from 'node:module';
import { Subject, type Observable, lastValueFrom, merge, share, take, tap, toArray } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { ConfigError } from '../config/configError.js';
import { loadConfig } from '../config/loadConfig.js';
import type { Config } from '../config/types.js';
import { composeDaemon, createContainer } from '../di/container.js';
import { type SignalSource, shutdownSignal$ } from '../dispatcher/shutdownSignal.js';
import { logCheckResults } from '../logging/logCheckResults.js';
import { inShard } from '../monitor/shard.js';
import { type CliOptions, USAGE, UsageError, parseCliArgs } from './parseCliArgs.js';

/** Exit codes of the CLI (documented in the README and `--help`). */
export const EXIT = {
  OK: 0,
  /** `--once`: some check failed; or the listener could not start. */
  CHECK_FAILED: 1,
  /** Bad config or bad command line. */
  BAD_INPUT: 2,
  /** A second SIGINT forced the exit. */
  FORCED: 130,
} as const;

/** The process around the daemon: where it writes and where signals come from. */
export interface ProcessIo {
  stdout: NodeJS.WritableStream;
  stderr: { write(text: string): unknown };
  signals: SignalSource & { once(event: string, listener: () => void): unknown };
  exit(code: number): void;
}

const defaultIo: ProcessIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
  exit: (code) => process.exit(code),
};

function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}

/**
 * Keeps only this shard's monitors.
 *
 * @param config The loaded config.
 * @param shard The shard, if any.
 * @returns The config to run.
 */
function forShard(config: Config, shard: CliOptions['shard']): Config {
  if (!shard) return config;
  return { ...config, monitors: config.monitors.filter((monitor) => inShard(monitor.name, shard)) };
}

/**
 * Closed stdout (EPIPE, e.g. `rxmon | head -n 1`): a stream that emits once, so the daemon ends
 * quietly instead of dying with a trace.
 */
function stdoutClosed$(stdout: NodeJS.WritableStream): Observable<unknown> {
  const closed = new Subject<void>();
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed.next();
  });
  return closed.pipe(take(1));
}

/**
 * The rxmon command: parses the command line, loads the config and runs the daemon until SIGINT or
 * SIGTERM (or once, with `--once`).
 *
 * @param argv Arguments after the script name.
 * @param env The environment (`RXMON_CONFIG`, …, and `${ENV}` values for the config).
 * @param io The process around it.
 * @returns The exit code: see {@link EXIT}.
 */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: ProcessIo = defaultIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`rxmon: ${error.message}\nTry 'rxmon --help'.\n`);
    return EXIT.BAD_INPUT;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.OK;
  }
  if (options.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT.OK;
  }

  let config: Config;
  try {
    config = await loadConfig(options.config, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.BAD_INPUT;
  }
  if (options.validate) {
    io.stdout.write(`${options.config}: ok (${config.monitors.length} monitors)\n`);
    return EXIT.OK;
  }
  config = forShard(config, options.shard);

  const { logger, dispatcher } = composeDaemon(createContainer(config));
  const shutdown$ = merge(shutdownSignal$(io.signals), stdoutClosed$(io.stdout)).pipe(
    take(1),
    tap(() => {
      // A second SIGINT forces the exit.
      io.signals.once('SIGINT', () => io.exit(EXIT.FORCED));
    }),
    share(),
  );

  if (options.once) {
    const results$ = dispatcher.runOnce(shutdown$).pipe(share());
    logCheckResults({ results$, logger });
    const results: CheckResult[] = await lastValueFrom(results$.pipe(toArray()));
    return results.length === config.monitors.length && results.every((result) => result.ok) ? EXIT.OK : EXIT.CHECK_FAILED;
  }

  const results$ = dispatcher.run(shutdown$).pipe(share());
  logCheckResults({ results$, logger });
  await lastValueFrom(results$, { defaultValue: undefined });
  return EXIT.OK;
}
