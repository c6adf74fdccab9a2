import { parseArgs } from 'node:util';
import { parseDuration } from '../config/duration.js';
import { MAX_AD_HOC_MS } from '../api/maintenanceRequest.js';
import { DEFAULT_CONFIG_PATH, UsageError } from './parseCliArgs.js';

/** `rxmon maintenance`'s command line, resolved. */
export interface MaintenanceOptions {
  /** `start`, `stop` or `list` (absent with `--help`). */
  action?: 'start' | 'stop' | 'list';
  /** Config file: `--config`, else `RXMON_CONFIG`, else `config/config.yml`. */
  config: string;
  /** `--monitor` or `--group` (start and stop: exactly one). */
  target?: { monitor: string } | { group: string };
  /** `--for`, ms (start). */
  forMs?: number;
  /** `--reason` (start). */
  reason?: string;
  /** `--url` / `RXMON_URL`: the daemon's listener, instead of the config's `server:` host and port. */
  url?: string;
  help: boolean;
}

/** `rxmon maintenance --help`. */
export const MAINTENANCE_USAGE = `Usage: rxmon maintenance start (--monitor <name> | --group <group>) --for <duration> [--reason <text>]
       rxmon maintenance stop  (--monitor <name> | --group <group>)
       rxmon maintenance list

Ad hoc maintenance windows, for deploy scripts: checks go on (marked maintenance: true), alerts
wait until the window ends. Windows are kept in the store, so every instance sees them (within 5 s).

With server: in the config (or --url), the CLI goes through the daemon's API (POST/DELETE/GET
/api/v1/maintenance, with server.auth); when nothing listens there, or without server:, it writes
to the store itself (sqlite: only while no daemon holds the file; postgres: always).

Options:
  -c, --config <file>   config file (env RXMON_CONFIG; default ${DEFAULT_CONFIG_PATH})
      --monitor <name>  the monitor (as under monitors:)
      --group <group>   every monitor with this group:
      --for <duration>  how long, from now: 30m, 2h, 1d (at most 30d)
      --reason <text>   why (shown on the status page and in the API)
      --url <url>       the daemon's listener, such as http://127.0.0.1:9115 (env RXMON_URL)
  -h, --help            show this help

Prints the window (start), {"stopped":n} (stop) or one JSON line per ad hoc window not over (list).
Exit codes: 0 ok, 1 the daemon or the store could not be reached or refused, 2 bad command line,
bad config, or an unknown monitor or group.`;

/**
 * Parses `rxmon maintenance`'s arguments.
 *
 * @param argv The arguments after `maintenance`.
 * @param env The environment.
 * @returns The options.
 * @throws {UsageError} On an unknown action or flag, a missing or bad value.
 */
export function parseMaintenanceArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): MaintenanceOptions {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        monitor: { type: 'string' },
        group: { type: 'string' },
        for: { type: 'string' },
        reason: { type: 'string' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`maintenance: ${(error as Error).message.split('\n')[0]}`);
  }
  const config = values.config ?? (env.RXMON_CONFIG || DEFAULT_CONFIG_PATH);
  const url = values.url ?? (env.RXMON_URL || undefined);
  if (values.help) return { config, help: true };
  const [action, ...extra] = positionals;
  if (action !== 'start' && action !== 'stop' && action !== 'list') {
    throw new UsageError(action === undefined ? 'maintenance: expected start, stop or list' : `maintenance: unknown action "${action}" (expected start, stop or list)`);
  }
  if (extra.length > 0) throw new UsageError(`maintenance ${action}: unexpected argument "${extra[0]}"`);
  if (url !== undefined && !/^https?:\/\/[^/]+/i.test(url)) throw new UsageError(`--url: expected http://host:port, got "${url}"`);
  const common = { action, config, help: false, ...(url === undefined ? {} : { url }) } as const;
  if (action === 'list') {
    for (const flag of ['monitor', 'group', 'for', 'reason'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag}: not for maintenance list`);
    return common;
  }
  if ((values.monitor === undefined) === (values.group === undefined)) throw new UsageError(`maintenance ${action}: give exactly one of --monitor and --group`);
  const name = (values.monitor ?? values.group ?? '').trim();
  if (name === '') throw new UsageError(`--${values.monitor !== undefined ? 'monitor' : 'group'}: expected a name`);
  const target = values.monitor !== undefined ? { monitor: name } : { group: name };
  if (action === 'stop') {
    for (const flag of ['for', 'reason'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag}: not for maintenance stop`);
    return { ...common, target };
  }
  if (values.for === undefined) throw new UsageError('maintenance start: --for is required (such as --for 30m)');
  const forMs = parseDuration(values.for, 's');
  if (forMs === undefined) throw new UsageError(`--for: expected a duration such as 30m or 2h, got "${values.for}"`);
  if (forMs > MAX_AD_HOC_MS) throw new UsageError('--for: expected at most 30d');
  return { ...common, target, forMs, ...(values.reason === undefined || values.reason === '' ? {} : { reason: values.reason }) };
}
