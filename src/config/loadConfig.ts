import { parseConfig } from './parseConfig.js';
import { readConfigFile } from './readConfigFile.js';
import type { Config } from './types.js';

export { parseConfig } from './parseConfig.js';

/**
 * Loads the YAML config file: reads it (a regular file of at most 64 MiB), then {@link parseConfig}.
 * The result is validated, defaults filled, durations in ms, deep-frozen: ready to bind as a
 * constant.
 *
 * ## Example
 * ```ts
 * import { loadConfig } from 'rxmon';
 *
 * const config = await loadConfig('config/config.yml');
 * console.log(config.monitors.map((monitor) => `${monitor.name} every ${monitor.checkEvery} ms`));
 * ```
 *
 * @param path The config file, as the user gave it (messages show it as is).
 * @param env Where `${NAME}` values come from. Default: `process.env`.
 * @returns The resolved config.
 * @throws {ConfigError} With `file:line: key: problem`; the CLI prints it and exits 2.
 */
export async function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  return parseConfig(await readConfigFile(path), path, env);
}
