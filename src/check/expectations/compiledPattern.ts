/**
 * A regex source from `expect`, compiled once. An invalid source is kept as a value (errors are
 * values): the expectation that uses it reports `INVALID_EXPECTATION` instead of throwing.
 */
export type CompiledPattern =
  | { readonly source: string; readonly regex: RegExp }
  | { readonly source: string; readonly regex?: undefined; readonly invalid: string };

/**
 * Compiles `source` with `new RegExp(source)` (no flags, so `test` is stateless and safe to reuse).
 *
 * @param source The regex source as written in the config.
 * @returns The compiled regex, or the reason it does not compile.
 */
export function compilePattern(source: string): CompiledPattern {
  try {
    return { source, regex: new RegExp(source) };
  } catch (error) {
    return { source, invalid: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * How a pattern reads in a message: `/source/`, cut to 80 characters.
 *
 * @param pattern A compiled pattern.
 * @returns `/source/`.
 */
export function describePattern(pattern: CompiledPattern): string {
  return `/${shorten(pattern.source, 80)}/`;
}

/**
 * Cuts `text` to `max` characters, marking the cut with `…`.
 *
 * @param text Any text.
 * @param max The longest result.
 * @returns `text`, or its first `max - 1` characters and `…`.
 */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
