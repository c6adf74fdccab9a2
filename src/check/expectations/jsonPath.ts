/** What a dot path found: the value, or nothing. */
export type PathLookup = { readonly found: true; readonly value: unknown } | { readonly found: false };

const INDEX = /^(0|[1-9]\d*)$/;

/**
 * Follows a dot path such as `checks.db` or `items.0.id` into parsed JSON. A segment is an object
 * key (own properties only, so `constructor` never resolves to a prototype), or a decimal index
 * into an array.
 *
 * ## Example
 * ```ts
 * valueAtPath({ items: [{ id: 7 }] }, 'items.0.id'); // { found: true, value: 7 }
 * valueAtPath({ items: [] }, 'items.0.id');          // { found: false }
 * ```
 *
 * @param root The parsed JSON document.
 * @param path Segments separated by `.`.
 * @returns `{ found: true, value }`, or `{ found: false }` when a segment is missing.
 */
export function valueAtPath(root: unknown, path: string): PathLookup {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      if (!INDEX.test(segment) || Number(segment) >= current.length) return { found: false };
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
