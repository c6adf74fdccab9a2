import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { ReplaySubject, Subject, type Observable, fromEvent, lastValueFrom, merge, share, take, toArray } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { ConfigError } from '../config/configError.js';
import { loadConfig } from '../config/loadConfig.js';
import type { Config } from '../config/types.js';
import { composeDaemon, createContainer } from '../di/container.js';
import { workerCount } from '../workers/workerCount.js';
import { type SignalSource, shutdownSignal$ } from '../dispatcher/shutdownSignal.js';
import { logCheckResults } from '../logging/logCheckResults.js';
import { LIMIT_HEAP_GROWTH_FROM, limitHeapGrowth } from '../monitor/heapGrowth.js';
import { shardLabel } from '../monitor/shard.js';
import { COLLECT_AFTER_LOAD_FROM, collectGarbage } from '../monitor/collectGarbage.js';
import { ServerStartError } from '../server/serverStartError.js';
import { openStore } from '../storage/openStore.js';
import type { Store } from '../storage/store.js';
import { StoreError } from '../storage/storeError.js';
import { forShard, runDaemon } from './runDaemon.js';
import { runHistory } from './runHistory.js';
import { runMaintenance } from './runMaintenance.js';
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
  if (argv[0] === 'history') return runHistory(argv.slice(1), env, io);
  if (argv[0] === 'maintenance') return runMaintenance(argv.slice(1), env, io);
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

  // Listen for SIGINT/SIGTERM from here on, so that a signal during start-up stops the daemon cleanly
  // (replayed to the dispatcher when it starts).
  const shutdown$ = new ReplaySubject<unknown>(1);
  const signals = merge(shutdownSignal$(io.signals), stdoutClosed$(io.stdout))
    .pipe(take(1))
    .subscribe((reason) => {
      // A second SIGINT forces the exit.
      io.signals.once('SIGINT', () => io.exit(EXIT.FORCED));
      shutdown$.next(reason);
    });

  let config: Config;
  try {
    config = await loadConfig(options.config, env);
  } catch (error) {
    signals.unsubscribe();
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.BAD_INPUT;
  }
  if (options.validate) {
    signals.unsubscribe();
    io.stdout.write(`${options.config}: ok (${config.monitors.length} monitors)\n`);
    return EXIT.OK;
  }
  config = forShard(config, options.shard);
  // Many monitors: keep the heap near what is live. Process-wide, so only the CLI does it.
  if (config.monitors.length >= LIMIT_HEAP_GROWTH_FROM) limitHeapGrowth();

  // A cluster member starts with no monitor of its own: ownership brings them (src/cluster). Its
  // `workers: auto` is decided by the whole config's size.
  const threads = workerCount(config.workers, config.monitors.length, availableParallelism());
  const memberConfig = (): Config => ({ ...config, monitors: [], workers: threads });
  const composed = composeDaemon(createContainer(config.cluster.enabled && !options.once ? memberConfig() : config, { shard: options.shard && shardLabel(options.shard) }));
  const daemon = { ...composed, config };
  // A large config's parse leaves its garbage in the old generation: free it before the checks start.
  if (config.monitors.length >= COLLECT_AFTER_LOAD_FROM) collectGarbage();
  const { logger, dispatcher } = daemon;
  // Let a signal that came during the (synchronous) loading and composing be seen before anything
  // starts: signals are read in the event loop's poll phase, which the first immediate does not reach.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  // The first check of a fresh process must measure the target, not Node warming up (bounded: 1 s).
  // With worker threads each warms its own path up (see monitorWorker.ts); `--once` runs here.
  const onThreads = !options.once && threads > 0;
  const warmUp = onThreads ? undefined : await daemon.http.warmUp?.(config.monitors);
  if (warmUp !== undefined) logger.debug({ warmUp }, 'HTTP path warmed up');
  if (options.once) {
    // A heartbeat monitor is pinged, not checked: --once has nothing to run for it, and says so.
    const pinged = config.monitors.filter((spec) => spec.heartbeat !== undefined);
    for (const { name } of pinged) logger.info({ monitor: name }, `heartbeat monitor ${name} skipped: --once checks URLs, a heartbeat is pinged by its job`);
    const results$ = dispatcher.runOnce(shutdown$).pipe(share());
    logCheckResults({ results$, logger });
    const results: CheckResult[] = await lastValueFrom(results$.pipe(toArray()));
    return results.length === config.monitors.length - pinged.length && results.every((result) => result.ok) ? EXIT.OK : EXIT.CHECK_FAILED;
  }

  // The store opens last, so that a bad config or flag never touches the file. `--once` is a probe:
  // it reports on stdout and leaves the store (and a running daemon's lock on it) alone.
  let store: Store;
  try {
    // `type: memory` keeps raw results and aggregates only for what reads them in this process (the
    // listener's pages and API); health tracks are small.
    store = await openStore(config.storage, { memoryResultsPerMonitor: config.server ? config.historySize : 0, memoryAggregates: config.server !== undefined, sqliteThread: true });
  } catch (error) {
    signals.unsubscribe();
    if (!(error instanceof StoreError)) throw error;
    io.stderr.write(`rxmon: ${daemon.secrets.mask(error.message)}\n`);
    return EXIT.BAD_INPUT;
  }

  try {
    await runDaemon({
      daemon,
      store,
      configPath: options.config,
      env,
      shard: options.shard,
      watchConfig: options.watch,
      shutdown$,
      reloadSignals$: fromEvent(io.signals, 'SIGHUP'),
    });
  } catch (error) {
    if (!(error instanceof ServerStartError)) throw error;
    io.stderr.write(`rxmon: ${error.message}\n`);
    return EXIT.CHECK_FAILED;
  } finally {
    await store.close();
  }
  return EXIT.OK;
}
