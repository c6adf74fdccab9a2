import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

/** A key path: map keys and list indexes. */
export type KeyPathSegments = ReadonlyArray<string | number>;

/**
 * Finds lines in a parsed YAML document, so that every config error can name the line of the
 * offending key or value.
 */
export class YamlLocator {
  /** Each map's pairs by key text, built on first use: a lookup is O(1), not a scan of 50,000 monitors. */
  private readonly pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

  /**
   * @param document The parsed document.
   * @param lineCounter The counter given to `parseDocument`.
   */
  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /**
   * The 1-based line of an offset in the source.
   *
   * @param offset A character offset.
   * @returns Its line.
   */
  lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }

  /**
   * The line of the value (or, with `atKey`, of the key) at `path`. Where the path cannot be followed
   * (a key that comes from `defaults:` or an alias, a missing key), the line of the deepest part that
   * exists. A missing or empty value, or a nested map, points at its key's line.
   *
   * @param path Keys and list indexes from the top of the document.
   * @param atKey Point at the key itself (unknown keys, bad names).
   * @returns The line, or `undefined` for an empty document.
   */
  lineOf(path: KeyPathSegments, atKey = false): number | undefined {
    let node: unknown = this.document.contents;
    let line = this.lineOfNode(node);
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = this.pairOf(node, String(segment));
        if (pair === undefined) return line;
        const keyLine = this.lineOfNode(pair.key) ?? line;
        const valueIsLeaf = isScalar(pair.value) && pair.value.value !== null;
        line = (last && atKey) || !valueIsLeaf ? keyLine : (this.lineOfNode(pair.value) ?? keyLine);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        node = node.items[segment];
        line = this.lineOfNode(node) ?? line;
      } else {
        return line;
      }
    }
    return line;
  }

  /**
   * The path of the map key that starts at `offset` (how a duplicate-key error is placed).
   *
   * @param offset Where the key starts in the source.
   * @returns Its path, or `undefined`.
   */
  keyPathAt(offset: number): KeyPathSegments | undefined {
    return findKey(this.document.contents, offset, []);
  }

  /**
   * @param map A map node.
   * @param key A key's text.
   * @returns Its first pair with that key.
   */
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    let index = this.pairsByKey.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items as Pair[]) {
        const text = keyText(pair.key);
        if (!index.has(text)) index.set(text, pair);
      }
      this.pairsByKey.set(map, index);
    }
    return index.get(key);
  }

  /**
   * @param node A YAML node (or anything else).
   * @returns The line its source starts on.
   */
  private lineOfNode(node: unknown): number | undefined {
    const range = (node as Node | null | undefined)?.range;
    return range === undefined || range === null ? undefined : this.lineAt(range[0]);
  }
}

/**
 * How a map key reads as a path segment (what `toJS` makes of it).
 *
 * @param key A key node.
 * @returns Its text.
 */
function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

/**
 * Depth-first search for the map key starting at `offset`.
 *
 * @param node Where to search.
 * @param offset The key's start.
 * @param path The path of `node`.
 * @returns The key's path, or `undefined`.
 */
function findKey(node: unknown, offset: number, path: Array<string | number>): KeyPathSegments | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (key?.range?.[0] === offset) return [...path, keyText(key)];
      const found = findKey(pair.value, offset, [...path, keyText(key)]);
      if (found !== undefined) return found;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = findKey(item, offset, [...path, index]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
