import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from './configError.js';
import { describeFsError } from './describeFsError.js';
import { MAX_CONFIG_BYTES, fileTooLarge } from './configFileLimit.js';

/**
 * Reads a config file's bytes, refusing what is not a regular file or is over 64 MiB (checked with
 * `stat` before reading, so a huge file is never loaded).
 *
 * @param path The path as the user gave it.
 * @returns The bytes.
 * @throws {ConfigError} `bad.yml: cannot read: no such file`, `… is a directory`, `… file too large`.
 */
export async function readConfigFile(path: string): Promise<Buffer> {
  const fail = (problem: string, cause?: unknown): never => {
    throw new ConfigError({ file: path, problem, cause });
  };
  try {
    const info = await stat(path);
    if (info.isDirectory()) fail('cannot read: is a directory (expected a YAML file)');
    if (!info.isFile()) fail('cannot read: not a regular file');
    if (info.size > MAX_CONFIG_BYTES) fail(fileTooLarge(info.size));
    return await readFile(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(`cannot read: ${describeFsError(error)}`, error);
  }
}

/**
 * {@link readConfigFile}, synchronously: how files named by `include:` are read while the main
 * file is parsed (config loading is synchronous CPU work anyway).
 *
 * @param path The file's path.
 * @param shownAs The name messages use (relative to where the user is). Default: `path`.
 * @returns The bytes.
 * @throws {ConfigError} As {@link readConfigFile}.
 */
export function readConfigFileSync(path: string, shownAs: string = path): Buffer {
  const fail = (problem: string, cause?: unknown): never => {
    throw new ConfigError({ file: shownAs, problem, cause });
  };
  try {
    const info = statSync(path);
    if (info.isDirectory()) fail('cannot read: is a directory (expected a YAML file)');
    if (!info.isFile()) fail('cannot read: not a regular file');
    if (info.size > MAX_CONFIG_BYTES) fail(fileTooLarge(info.size));
    return readFileSync(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(`cannot read: ${describeFsError(error)}`, error);
  }
}
