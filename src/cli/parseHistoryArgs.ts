import { parseArgs } from 'node:util';
import { parseDuration } from '../config/duration.js';
import { DEFAULT_CONFIG_PATH, UsageError } from './parseCliArgs.js';

/** `rxmon history`'s command line, resolved. */
export interface HistoryOptions {
  /** Config file: `--config`, else `RXMON_CONFIG`, else `config/config.yml`. */
  config: string;
  /** Only this monitor. */
  monitor?: string;
  /** From here (inclusive), ms since the epoch. */
  sinceMs?: number;
  /** Up to here (exclusive), ms since the epoch. */
  untilMs?: number;
  /** At most this many lines. */
  limit?: number;
  /** `--changes`: print state changes (the incident log) instead of results. */
  changes: boolean;
  help: boolean;
}

/** `rxmon history --help`. */
export const HISTORY_USAGE = `Usage: rxmon history [options]

Prints stored check results as JSON lines, oldest first, with the CheckResult field names of the
log records (or, with --changes, the state changes: monitor, state, since, consecutive, result).

Options:
  -c, --config <file>   config file whose storage: to read (env RXMON_CONFIG; default ${DEFAULT_CONFIG_PATH})
      --monitor <name>  only this monitor
      --since <when>    from a time ago (30m, 1h, 7d) or an ISO time (2026-12-01T10:00:00Z)
      --until <when>    up to an ISO time (or a time ago)
      --limit <n>       at most n lines (the oldest n in the range)
      --changes         the state changes instead of the results
  -h, --help            show this help

Exit codes: 0 ok, 2 bad command line, a config without storage: or a store that cannot be read.`;

/**
 * Reads `--since`/`--until`: a duration ago or an ISO 8601 time.
 *
 * @param text The value.
 * @param flag The flag, for the error.
 * @param nowMs Now.
 * @returns Ms since the epoch.
 */
function parseWhen(text: string, flag: string, nowMs: number): number {
  const ago = /^\d/.test(text) && !/^\d{4}-/.test(text) ? parseDuration(text, 's') : undefined;
  if (ago !== undefined) return nowMs - ago;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${flag}: expected a time ago such as 1h or 7d, or an ISO time such as 2026-12-01T10:00:00Z, got "${text}"`);
  return ms;
}

/**
 * Parses `rxmon history`'s arguments.
 *
 * @param argv The arguments after `history`.
 * @param env The environment.
 * @param nowMs Now (for `--since 1h`).
 * @returns The options.
 * @throws {UsageError} On an unknown flag or a bad value.
 */
export function parseHistoryArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, nowMs = Date.now()): HistoryOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string', short: 'c' },
        monitor: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
        changes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`history: ${(error as Error).message.split('\n')[0]}`);
  }
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError(`--limit: expected a whole number ≥ 1, got "${values.limit}"`);
  }
  const sinceMs = values.since === undefined ? undefined : parseWhen(values.since, '--since', nowMs);
  const untilMs = values.until === undefined ? undefined : parseWhen(values.until, '--until', nowMs);
  if (sinceMs !== undefined && untilMs !== undefined && untilMs <= sinceMs) throw new UsageError('--until: must be after --since');
  if (values.monitor !== undefined && values.monitor.trim() === '') throw new UsageError('--monitor: expected a monitor name');
  return {
    config: values.config ?? (env.RXMON_CONFIG || DEFAULT_CONFIG_PATH),
    ...(values.monitor === undefined ? {} : { monitor: values.monitor }),
    ...(sinceMs === undefined ? {} : { sinceMs }),
    ...(untilMs === undefined ? {} : { untilMs }),
    ...(limit === undefined ? {} : { limit }),
    changes: values.changes ?? false,
    help: values.help ?? false,
  };
}
