import { ConfigError } from '../config/configError.js';
import { loadConfig } from '../config/loadConfig.js';
import type { Config } from '../config/types.js';
import { openStore } from '../storage/openStore.js';
import { StoreError } from '../storage/storeError.js';
import { type MaintenanceClient, MaintenanceCallError, apiMaintenanceClient, storeMaintenanceClient } from './maintenanceClients.js';
import { UsageError } from './parseCliArgs.js';
import { MAINTENANCE_USAGE, type MaintenanceOptions, parseMaintenanceArgs } from './parseMaintenanceArgs.js';

/** Where `rxmon maintenance` writes. */
export interface MaintenanceIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The daemon's listener as the config gives it (`server.host`, `server.port`; a wildcard host is
 * reached on loopback), unless `--url` names it.
 *
 * @param config The config.
 * @param url `--url`, if given.
 * @returns The base URL, or `undefined` without a listener to call.
 */
export function daemonUrl(config: Config, url: string | undefined): string | undefined {
  if (url !== undefined) return url.replace(/\/+$/, '');
  if (!config.server || config.server.port === 0) return undefined;
  const host = config.server.host === '0.0.0.0' || config.server.host === '::' ? '127.0.0.1' : config.server.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.server.port}`;
}

async function act(client: MaintenanceClient, options: MaintenanceOptions, io: MaintenanceIo): Promise<void> {
  if (options.action === 'list') {
    for (const window of await client.list()) io.stdout.write(`${JSON.stringify(window)}\n`);
  } else if (options.action === 'start') {
    io.stdout.write(`${JSON.stringify(await client.start(options.target!, options.forMs!, options.reason))}\n`);
  } else {
    io.stdout.write(`${JSON.stringify({ stopped: await client.stop(options.target!) })}\n`);
  }
}

/**
 * `rxmon maintenance start|stop|list`: ad hoc maintenance windows, through the daemon's API when
 * the config has `server:` (or `--url` is given) and something listens there, else in the store
 * directly (the daemons see it at their next poll). A SQLite file a daemon holds can only be
 * reached through its API.
 *
 * @param argv The arguments after `maintenance`.
 * @param env The environment.
 * @param io Where output goes.
 * @returns 0; 1 when the daemon or the store could not be reached or refused; 2 for a bad command
 *   line, a bad config, an unknown monitor or group.
 */
export async function runMaintenance(argv: readonly string[], env: NodeJS.ProcessEnv, io: MaintenanceIo): Promise<number> {
  let options: MaintenanceOptions;
  try {
    options = parseMaintenanceArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`rxmon: ${error.message}\nTry 'rxmon maintenance --help'.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${MAINTENANCE_USAGE}\n`);
    return 0;
  }
  let config: Config;
  try {
    config = await loadConfig(options.config, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const mask = (text: string) => config.secrets.filter((secret) => secret.length >= 4).reduce((masked, secret) => masked.split(secret).join('***'), text);
  const fail = (error: unknown): number => {
    if (error instanceof MaintenanceCallError) {
      io.stderr.write(`rxmon: ${mask(error.message)}\n`);
      return error.exitCode;
    }
    if (error instanceof StoreError) {
      io.stderr.write(`rxmon: ${mask(error.message)}${/in use by another rxmon/.test(error.message) ? ' (give the daemon a server: listener, or --url, so the CLI goes through its API)' : ''}\n`);
      return 1;
    }
    throw error;
  };

  const base = daemonUrl(config, options.url);
  if (base !== undefined) {
    try {
      await act(apiMaintenanceClient(base, config.server?.auth), options, io);
      return 0;
    } catch (error) {
      if (!(error instanceof MaintenanceCallError && error.unreachable && config.storage.type !== 'memory')) return fail(error);
    }
  }
  if (config.storage.type === 'memory') {
    io.stderr.write(`rxmon: ${options.config}: with type: memory (or no storage:) windows live in the daemon only: give it a server: listener (or pass --url)\n`);
    return 2;
  }
  try {
    const store = await openStore(config.storage);
    try {
      const monitors = config.monitors.map((monitor) => monitor.name);
      const groups = [...new Set(config.monitors.flatMap((monitor) => (monitor.group === undefined ? [] : [monitor.group])))];
      await act(storeMaintenanceClient(store, { monitors, groups }), options, io);
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    return fail(error);
  }
}
