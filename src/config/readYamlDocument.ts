import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Node } from 'yaml';
import { YamlLocator } from './yamlLocator.js';
import type { KeyPathSegments } from './yamlLocator.js';

/** How many alias expansions `toJS` allows before calling it an alias bomb (yaml's default). */
const MAX_ALIAS_COUNT = 100;

/** A YAML problem, placed. */
export interface YamlProblem {
  readonly line?: number;
  readonly path?: KeyPathSegments;
  readonly problem: string;
}

/**
 * Parses YAML text into plain data and a locator for its lines. Keys must be unique (a duplicate
 * monitor name is an error), `<<` merge keys work, and an alias bomb is refused in a few
 * milliseconds by yaml's alias-count limit.
 *
 * Unique keys are checked here, in one pass with a set per map, not by yaml's `uniqueKeys` option:
 * that compares each new key with every earlier key of its map, so a 50,000-monitor file took
 * 1.25 billion comparisons (20 s).
 *
 * @param text The file's text.
 * @returns The data and its locator, or the first problem.
 */
export function readYamlDocument(
  text: string,
): { ok: true; data: unknown; locator: YamlLocator } | { ok: false; problem: YamlProblem } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
  const locator = new YamlLocator(document, lineCounter);

  const [error] = document.errors;
  const duplicate = firstDuplicateKey(document.contents);
  if (duplicate !== undefined && (error === undefined || duplicate.offset <= error.pos[0])) {
    const { path } = duplicate;
    const isMonitor = path.length === 2 && path[0] === 'monitors';
    const line = locator.lineAt(duplicate.offset);
    return { ok: false, problem: { line, path, problem: isMonitor ? 'duplicate monitor name' : 'duplicate key' } };
  }
  if (error !== undefined) {
    const line = locator.lineAt(error.pos[0]);
    const reason =
      error.code === 'MULTIPLE_DOCS' ? 'more than one YAML document (only one is allowed)' : error.message.split('\n')[0];
    return { ok: false, problem: { line, problem: `not valid YAML: ${reason}` } };
  }

  try {
    return { ok: true, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locator };
  } catch {
    // toJS throws only on aliases: an unknown anchor, or too many expansions.
    const aliases: Alias[] = [];
    visit(document, { Alias: (_, alias) => void aliases.push(alias) });
    const unknown = aliases.find((alias) => alias.resolve(document) === undefined);
    const culprit = unknown ?? aliases[0];
    const line = culprit?.range ? locator.lineAt(culprit.range[0]) : undefined;
    const problem =
      unknown === undefined
        ? 'not valid YAML: too many alias expansions (an alias bomb?)'
        : `not valid YAML: alias *${unknown.source.slice(0, 40)} has no anchor before it`;
    return { ok: false, problem: { line, problem } };
  }
}

/**
 * The first key (in the file's order) that repeats an earlier key of its map, as yaml's
 * `uniqueKeys` sees it: scalar keys with the same value (`<<` merge keys never clash). Linear in
 * the document's size.
 *
 * @param root The document's contents.
 * @returns Where the repeated key starts and its path, or `undefined`.
 */
function firstDuplicateKey(root: unknown): { offset: number; path: KeyPathSegments } | undefined {
  let first: { offset: number; path: KeyPathSegments } | undefined;
  const consider = (offset: number, path: () => KeyPathSegments) => {
    if (first === undefined || offset < first.offset) first = { offset, path: path() };
  };
  // Depth-first, each node's path built only when a duplicate is found under it.
  const walk = (node: unknown, path: () => Array<string | number>): void => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const segment = isScalar(key) ? (key.value === null ? '' : String(key.value)) : String(key);
        if (isScalar(key)) {
          if (seen.has(key.value) && key.range) consider(key.range[0], () => [...path(), segment]);
          seen.add(key.value);
        }
        walk(pair.value, () => [...path(), segment]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, () => [...path(), index]));
    }
  };
  walk(root, () => []);
  return first;
}
