import { LineCounter, parseDocument, visit, type Alias } from 'yaml';
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
 * @param text The file's text.
 * @returns The data and its locator, or the first problem.
 */
export function readYamlDocument(
  text: string,
): { ok: true; data: unknown; locator: YamlLocator } | { ok: false; problem: YamlProblem } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const locator = new YamlLocator(document, lineCounter);

  const [error] = document.errors;
  if (error !== undefined) {
    const line = locator.lineAt(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const path = locator.keyPathAt(error.pos[0]);
      const isMonitor = path?.length === 2 && path[0] === 'monitors';
      return { ok: false, problem: { line, path, problem: isMonitor ? 'duplicate monitor name' : 'duplicate key' } };
    }
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
