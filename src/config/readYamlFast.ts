import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { readYamlDocument } from './readYamlDocument.js';
import { YamlLocator } from './yamlLocator.js';

/** From this size on, a config file is first read by {@link readYamlFast}. */
export const FAST_YAML_FROM_BYTES = 256 * 1024;

/** YAML 1.2's core schema with `<<` merge keys: what `readYamlDocument` reads. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** Keys the two parsers name differently: a null key is `''` to yaml, `'null'` to js-yaml. */
const NULL_KEYS = new Set(['null', 'Null', 'NULL', '~', '']);

/**
 * Reads YAML text into plain data with js-yaml, about ten times faster than `readYamlDocument`
 * (yaml's document model, which keeps every node's position): 0.3 against 2.4 s for a file of
 * 50,000 monitors. It gives up (returns `undefined`) on everything where the two could differ or
 * where a problem needs placing: any alias (aliases are refused outright, so no alias bomb gets
 * through), a duplicate key, an explicit `!!` tag, a null key, several documents, a syntax error.
 *
 * The caller reads such a file the exact way (`readYamlDocument`), and does the same when the data
 * read here turns out to be a config with a problem: every message still names file:line from
 * yaml's positions. So this only ever speeds up a large file that is valid, with the same result.
 *
 * @param text The file's text.
 * @returns The data, or `undefined` to read it the exact way.
 */
export function readYamlFast(text: string): { data: unknown } | undefined {
  if (text.includes('!!')) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  return hasNullKey(data) ? undefined : { data };
}

/** Whether a map anywhere in `value` has a key that a null scalar could have made. */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) {
    if (NULL_KEYS.has(key) || hasNullKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** A locator with no lines: data read fast is only used when it has no problem to place. */
let unplaced: YamlLocator | undefined;

/**
 * A config file's YAML as `readYamlDocument` gives it, read fast when `fast` is set and
 * {@link readYamlFast} can: the locator then places nothing (a problem found in such data is
 * reported by reading the file again the exact way; see `parseConfig`).
 *
 * @param text The file's text.
 * @param fast Try {@link readYamlFast} first (files of at least {@link FAST_YAML_FROM_BYTES}).
 * @returns As `readYamlDocument`.
 */
export function readConfigYaml(text: string, fast: boolean): ReturnType<typeof readYamlDocument> {
  const read = fast && text.length >= FAST_YAML_FROM_BYTES ? readYamlFast(text) : undefined;
  if (read === undefined) return readYamlDocument(text);
  unplaced ??= new YamlLocator(parseDocument(''), new LineCounter());
  return { ok: true, data: read.data, locator: unplaced };
}
