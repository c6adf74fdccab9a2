import { ConfigError } from '../../src/config/configError.js';
import { parseConfig } from '../../src/config/parseConfig.js';

/**
 * The one-line message parsing `yaml` (as `bad.yml`) fails with; throws when it parses, or fails
 * with anything but a {@link ConfigError}.
 *
 * @param yaml The config file's text.
 * @param env Where `${NAME}` values come from.
 * @returns The message, `bad.yml:5: key: problem`.
 */
export function configErrorOf(yaml: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfig(yaml, 'bad.yml', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
