import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from './configError.js';
import { decodeUtf8 } from './decodeUtf8.js';
import { describeFsError } from './describeFsError.js';
import { formatKeyPath } from './keyPath.js';
import { readConfigFileSync } from './readConfigFile.js';
import { readConfigYaml } from './readYamlFast.js';
import { describeType, isPlainMap } from './schema/valueSchema.js';
import type { KeyPathSegments, YamlLocator } from './yamlLocator.js';

/** Files a directory in `include:` contributes: its YAML files, by name. */
const YAML_FILE = /\.ya?ml$/;

/** Where a key of the merged config is written. */
export interface SourcePosition {
  /** The file, as messages show it (the main file as the user gave it, included ones beside it). */
  readonly file: string;
  readonly line?: number;
}

/** The main file's data with every included monitor merged in, and where each key came from. */
export interface IncludedConfig {
  /** The main file's top level, `monitors:` holding the included monitors too (in file order). */
  readonly data: Record<string, unknown>;
  /** Absolute paths of the files and directories `include:` names (what `--watch` watches too). */
  readonly watched: readonly string[];
  /**
   * @param path A key path in {@link IncludedConfig.data}.
   * @param atKey The key's own line rather than its value's.
   * @returns The file and line it was written at.
   */
  locate(path: KeyPathSegments, atKey?: boolean): SourcePosition;
  /**
   * @returns A number that orders positions as the files read: the main file first, then the
   *   included files in order, each by line.
   */
  position(path: KeyPathSegments, atKey?: boolean): number | undefined;
}

/** One parsed file. */
interface Source {
  readonly file: string;
  readonly locator: YamlLocator;
}

/** Lines per file in {@link IncludedConfig.position}: more than any file under the size cap has. */
const LINES_PER_FILE = 2 ** 32;

/**
 * Reads the files named by the main file's `include:` and merges their monitors into its
 * `monitors:` map. Each entry is a path relative to the main file's directory: a YAML file holding
 * only `monitors:`, or a directory, meaning every `*.yml`/`*.yaml` file in it, sorted by name.
 * A monitor name used twice (in any two files) is an error naming both places.
 *
 * ```yaml
 * include: [monitors.d, legacy/api.yml]
 * ```
 *
 * @param data The main file's top level (a map).
 * @param file The main file, as the user gave it.
 * @param locator Lines of the main file.
 * @param fast Read large included files fast (see `readConfigYaml`): only on a first try that is
 *   redone the exact way when it finds a problem.
 * @returns The merged data, or the main file's own data when it has no `include:`.
 * @throws {ConfigError} An unreadable or invalid included file, a bad `include:`, a duplicate name:
 *   `monitors.d/web.yml:12: monitors.api: duplicate monitor name (also at config.yml:7)`.
 */
export function includeFiles(data: Record<string, unknown>, file: string, locator: YamlLocator, fast = false): IncludedConfig {
  const main: Source = { file, locator };
  const sources: Source[] = [main];
  const owner = new Map<string, Source>();
  const entries = includeEntries(data.include, file, locator);
  const monitors: Record<string, unknown> = isPlainMap(data.monitors) ? { ...data.monitors } : {};
  const watched: string[] = [];
  for (const name of Object.keys(monitors)) owner.set(name, main);

  for (const { path, shown, index } of entries) {
    watched.push(path);
    for (const included of filesOf(path, shown, main, index)) {
      const { source, monitors: own } = readIncludedFile(included.path, included.shown, fast);
      sources.push(source);
      for (const [name, monitor] of Object.entries(own)) {
        const earlier = owner.get(name);
        if (earlier !== undefined) {
          const there = `${earlier.file}:${earlier.locator.lineOf(['monitors', name], true) ?? ''}`;
          fail(source.file, `duplicate monitor name (also at ${there})`, source.locator.lineOf(['monitors', name], true), ['monitors', name]);
        }
        owner.set(name, source);
        monitors[name] = monitor;
      }
    }
  }

  const sourceOf = (path: KeyPathSegments): Source =>
    (path[0] === 'monitors' && path.length >= 2 ? owner.get(String(path[1])) : undefined) ?? main;
  const keepMonitors = entries.length > 0 && (data.monitors === undefined || data.monitors === null || isPlainMap(data.monitors));
  return {
    data: keepMonitors ? { ...data, monitors } : data,
    watched,
    locate(path, atKey = false) {
      const source = sourceOf(path);
      return { file: source.file, line: source.locator.lineOf(path, atKey) };
    },
    position(path, atKey = false) {
      const source = sourceOf(path);
      const line = source.locator.lineOf(path, atKey);
      return line === undefined ? undefined : sources.indexOf(source) * LINES_PER_FILE + line;
    },
  };
}

/**
 * @param problem What is wrong.
 * @param file Where, as shown.
 * @param line Its line.
 * @param path Its key path.
 * @throws {ConfigError} Always.
 */
function fail(file: string, problem: string, line?: number, path?: KeyPathSegments): never {
  throw new ConfigError({ file, line, key: path === undefined ? undefined : formatKeyPath(path) || undefined, problem });
}

/**
 * The entries of `include:`, checked: a list of non-empty strings (or one string).
 *
 * @returns Each entry's absolute path, how messages show it, and its index.
 */
function includeEntries(value: unknown, file: string, locator: YamlLocator): Array<{ path: string; shown: string; index: number }> {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) fail(file, `expected a list of files or directories, got ${describeType(value)}`, locator.lineOf(['include']), ['include']);
  return (list as unknown[]).map((entry, index) => {
    const at = typeof value === 'string' ? ['include'] : ['include', index];
    if (typeof entry !== 'string' || entry.trim() === '') {
      fail(file, `expected a file or directory path, got ${describeType(entry)}`, locator.lineOf(at), at);
    }
    return { path: resolve(dirname(resolve(file)), entry), shown: isAbsolute(entry) ? entry : join(dirname(file), entry), index };
  });
}

/**
 * The files one `include:` entry stands for.
 *
 * @returns The entry itself when it is a file; a directory's YAML files, by name.
 */
function filesOf(path: string, shown: string, main: Source, index: number): Array<{ path: string; shown: string }> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    return fail(main.file, `cannot read ${shown}: ${describeFsError(error)}`, main.locator.lineOf(['include', index]), ['include', index]);
  }
  if (!isDirectory) return [{ path, shown }];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => YAML_FILE.test(entry.name) && !entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ path: join(path, name), shown: join(shown, name) }));
}

/**
 * Reads one included file: UTF-8 YAML, a map with only `monitors:` (an empty file adds nothing).
 *
 * @returns Its source and its monitors map (each entry checked later, like the main file's).
 */
function readIncludedFile(path: string, shown: string, fast: boolean): { source: Source; monitors: Record<string, unknown> } {
  const decoded = decodeUtf8(readConfigFileSync(path, shown));
  if (!decoded.ok) fail(shown, decoded.problem, decoded.badByte?.line);
  const yaml = readConfigYaml(decoded.value as string, fast);
  if (!yaml.ok) {
    const { line, path: at, problem } = yaml.problem;
    return fail(shown, problem, line, at);
  }
  const { data, locator } = yaml;
  const source = { file: shown, locator };
  if (data === null || data === undefined) return { source, monitors: {} };
  if (!isPlainMap(data)) fail(shown, `expected a map with monitors: (an included file holds only monitors), got ${describeType(data)}`, locator.lineOf([]));
  const other = Object.keys(data).find((key) => key !== 'monitors');
  if (other !== undefined) fail(shown, 'unknown key (an included file holds only monitors:)', locator.lineOf([other], true), [other]);
  const { monitors } = data;
  if (monitors === null || monitors === undefined) return { source, monitors: {} };
  if (!isPlainMap(monitors)) fail(shown, `expected a map of monitor name → monitor, got ${describeType(monitors)}`, locator.lineOf(['monitors']), ['monitors']);
  return { source, monitors };
}
