import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** The watchers of a config and its included files; follow a reload with {@link ConfigWatcher.update}. */
export interface ConfigWatcher {
  /** Watches what a newly loaded config includes (and stops watching what it no longer does). */
  update(includes: readonly string[] | undefined): void;
  close(): void;
}

/**
 * Calls `onChange` when the config file or anything its `include:` names changes (`--watch`).
 * Directories are watched rather than files, because editors replace a file rather than write it in
 * place: the main file's directory (for its name), an included directory (for any `*.yml`/`*.yaml`
 * in it, added and removed ones too), an included file's directory (for its name). Paths that do
 * not exist are skipped; the next reload looks again.
 *
 * ## Example
 * ```ts
 * const watcher = watchConfigFiles('config/config.yml', config.includes, () => reloads.request('watch'));
 * // after each reload: watcher.update(next.includes); on shutdown: watcher.close();
 * ```
 *
 * @param configPath The main config file.
 * @param includes `Config.includes`: absolute paths of included files and directories.
 * @param onChange Called on every change event (debounce it).
 * @returns The watcher.
 */
export function watchConfigFiles(configPath: string, includes: readonly string[] | undefined, onChange: () => void): ConfigWatcher {
  const watchers = new Map<string, FSWatcher>();
  const wanted = (paths: readonly string[]): Map<string, (name: string) => boolean> => {
    const filters = new Map<string, Array<(name: string) => boolean>>();
    const add = (dir: string, test: (name: string) => boolean) => filters.set(dir, [...(filters.get(dir) ?? []), test]);
    const main = resolve(configPath);
    add(dirname(main), (name) => name === basename(main));
    for (const path of paths) {
      if (isDirectory(path)) add(path, (name) => /\.ya?ml$/.test(name));
      else add(dirname(path), (name) => name === basename(path));
    }
    return new Map([...filters].map(([dir, tests]) => [dir, (name: string) => tests.some((test) => test(name))]));
  };
  const update = (paths: readonly string[] | undefined) => {
    const next = wanted(paths ?? []);
    for (const [dir, watcher] of watchers) {
      if (!next.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, test] of next) {
      watchers.get(dir)?.close();
      try {
        watchers.set(dir, watch(dir, (_event, changed) => (changed === null || test(String(changed))) && onChange()));
      } catch {
        watchers.delete(dir); // gone for now: the next reload looks again
      }
    }
  };
  update(includes);
  return {
    update,
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/**
 * @param path A path.
 * @returns Whether it is a directory now.
 */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
