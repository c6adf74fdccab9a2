import { parseArgs } from 'node:util';

/** The command line, resolved with its environment variables. */
export interface CliOptions {
  /** Config file path: `--config`, else `RXMON_CONFIG`, else `config/config.yml`. */
  config: string;
  /** `--once` / `RXMON_ONCE=1`: check every monitor once, exit 0 if all ok, 1 if any failed. */
  once: boolean;
  /** `--validate` / `RXMON_VALIDATE=1`: check the config and exit 0 or 2. */
  validate: boolean;
  /** `--watch` / `RXMON_WATCH=1`: reload when the config file changes. */
  watch: boolean;
  /** `--shard i/N` / `RXMON_SHARD`: run only the monitors of shard i (0-based) of N. */
  shard?: { index: number; count: number };
  help: boolean;
  version: boolean;
}

/** A command-line mistake; the CLI prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The default config path, relative to the working directory. */
export const DEFAULT_CONFIG_PATH = 'config/config.yml';

/** `--help` text. */
export const USAGE = `Usage: rxmon [options]
       rxmon history [options]   stored results as JSON lines (rxmon history --help)
       rxmon maintenance start|stop|list [options]   ad hoc maintenance windows (rxmon maintenance --help)

Reactive HTTP monitoring daemon: checks every configured URL at its own fixed rate and logs one
bunyan JSON record per check on stdout (pretty: rxmon | npx bunyan).

Options:
  -c, --config <file>  config file (env RXMON_CONFIG; default ${DEFAULT_CONFIG_PATH})
      --once           check every monitor once; exit 0 if all ok, 1 if any failed (env RXMON_ONCE=1)
      --validate       check the config and exit 0, or 2 with the error (env RXMON_VALIDATE=1)
      --watch          reload when the config file changes (env RXMON_WATCH=1)
      --shard <i/N>    run only shard i (0-based) of N, by a stable hash of monitor names (env RXMON_SHARD)
  -h, --help           show this help
  -v, --version        print the version

Exit codes: 0 ok (or stopped by SIGINT/SIGTERM), 1 some check failed (--once) or the listener could
not start, 2 bad config, bad command line or an unusable store (storage:), 130 forced by a second SIGINT.`;

const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on']);

function envFlag(value: string | undefined): boolean {
  return value !== undefined && TRUE_VALUES.has(value.toLowerCase());
}

/**
 * Parses `i/N` (0 ≤ i < N).
 *
 * @param text The shard as given.
 * @param origin Where it came from, for the error (`--shard` or `RXMON_SHARD`).
 * @returns The shard.
 */
export function parseShard(text: string, origin: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index >= count) {
    throw new UsageError(`${origin}: expected i/N with 0 <= i < N, such as 0/3, got "${text}"`);
  }
  return { index, count };
}

/**
 * Parses the command line (node's `util.parseArgs`), with an env var for each flag.
 * Flags win over env vars.
 *
 * @param argv The arguments after the script name.
 * @param env The environment.
 * @returns The options.
 * @throws {UsageError} On an unknown flag, a missing value or a bad shard.
 */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string', short: 'c' },
        once: { type: 'boolean' },
        validate: { type: 'boolean' },
        watch: { type: 'boolean' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const shardText = values.shard ?? env.RXMON_SHARD;
  return {
    config: values.config ?? (env.RXMON_CONFIG || DEFAULT_CONFIG_PATH),
    once: values.once ?? envFlag(env.RXMON_ONCE),
    validate: values.validate ?? envFlag(env.RXMON_VALIDATE),
    watch: values.watch ?? envFlag(env.RXMON_WATCH),
    shard: shardText ? parseShard(shardText, values.shard !== undefined ? '--shard' : 'RXMON_SHARD') : undefined,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
