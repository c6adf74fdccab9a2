import { ConfigError } from '../config/configError.js';
import { loadConfig } from '../config/loadConfig.js';
import { openStore } from '../storage/openStore.js';
import type { Store } from '../storage/store.js';
import { StoreError } from '../storage/storeError.js';
import { HISTORY_USAGE, type HistoryOptions, parseHistoryArgs } from './parseHistoryArgs.js';
import { UsageError } from './parseCliArgs.js';

/** Where `rxmon history` writes. */
export interface HistoryIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Results read per round trip: the output streams, whatever the range. */
const PAGE = 1_000;

/**
 * `rxmon history`: prints stored results (or state changes) as JSON lines, oldest first.
 *
 * @param argv The arguments after `history`.
 * @param env The environment.
 * @param io Where output goes.
 * @returns 0, or 2 for a bad command line, a config without storage or an unusable store.
 */
export async function runHistory(argv: readonly string[], env: NodeJS.ProcessEnv, io: HistoryIo): Promise<number> {
  let options: HistoryOptions;
  try {
    options = parseHistoryArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`rxmon: ${error.message}\nTry 'rxmon history --help'.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${HISTORY_USAGE}\n`);
    return 0;
  }
  let store: Store;
  try {
    const config = await loadConfig(options.config, env);
    if (config.storage.type === 'memory') {
      io.stderr.write(`rxmon: ${options.config}: no storage: section (or type: memory), so nothing is stored to read back\n`);
      return 2;
    }
    store = await openStore(config.storage, { readOnly: true });
  } catch (error) {
    if (!(error instanceof ConfigError) && !(error instanceof StoreError)) throw error;
    io.stderr.write(`${error instanceof StoreError ? 'rxmon: ' : ''}${error.message}\n`);
    return 2;
  }
  try {
    if (options.changes) {
      const changes = await store.changes({ monitor: options.monitor, sinceMs: options.sinceMs, untilMs: options.untilMs, limit: options.limit });
      for (const change of changes) io.stdout.write(`${JSON.stringify(change)}\n`);
      return 0;
    }
    let left = options.limit ?? Infinity;
    let cursor: string | undefined;
    do {
      const page = await store.results({
        order: 'asc',
        monitor: options.monitor,
        sinceMs: options.sinceMs,
        untilMs: options.untilMs,
        limit: Math.min(PAGE, left),
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (page.results.length > 0) io.stdout.write(page.results.map((result) => `${JSON.stringify(result)}\n`).join(''));
      left -= page.results.length;
      cursor = page.next;
    } while (cursor !== undefined && left > 0);
    return 0;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    io.stderr.write(`rxmon: ${error.message}\n`);
    return 2;
  } finally {
    await store.close();
  }
}
