import { z } from 'zod';

/** The outcome of checking one raw config value: the value to keep, or what is wrong with it. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** The problem text of a required key that is absent. */
export const MISSING_KEY = 'missing required key';

/**
 * Accepts a value.
 *
 * @param value The value to keep.
 * @returns An accepting {@link Checked}.
 */
export function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/**
 * Rejects a value.
 *
 * @param problem One short line for people. Never echo the value itself: it may be a secret.
 * @returns A rejecting {@link Checked}.
 */
export function reject(problem: string): Checked<never> {
  return { ok: false, problem };
}

/**
 * A zod schema for one leaf value, from a plain check function: zod handles the structure (strict
 * maps, lists, optional keys), these handle the values with messages written for people.
 * A required key that is absent fails with {@link MISSING_KEY}; wrap in `.optional()` to allow it.
 *
 * @param check Turns the raw value into the kept value, or a problem.
 * @returns A schema whose output is the kept value.
 */
export function valueSchema<T>(check: (input: unknown) => Checked<T>): z.ZodType<T, unknown> {
  return z.unknown().transform((input, context): T => {
    const result = input === undefined ? reject(MISSING_KEY) : check(input);
    if (result.ok) return result.value;
    context.issues.push({ code: 'custom', message: result.problem, input });
    return z.NEVER;
  });
}

/**
 * How a raw value's type reads in a message.
 *
 * @param input Any parsed YAML (or JS) value.
 * @returns `a string`, `a number`, `true or false`, `a list`, `a map` or `an empty value`.
 */
export function describeType(input: unknown): string {
  if (input === null || input === undefined) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'boolean') return 'true or false';
  if (typeof input === 'object') return 'a map';
  return `a ${typeof input}`;
}

/**
 * The problem text for a value of the wrong type.
 *
 * @param expected What was expected, with its article (`a string`).
 * @param input The raw value.
 * @returns `expected a string, got a number`.
 */
export function wrongType(expected: string, input: unknown): string {
  return `expected ${expected}, got ${describeType(input)}`;
}

/**
 * True for a plain map (a YAML mapping or a JS object literal), false for lists, null and the rest.
 *
 * @param input Any value.
 * @returns Whether `input` is a plain map.
 */
export function isPlainMap(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/**
 * An optional section (`headers:`, `expect:`, `tls:`, `alerts:` …) where an empty YAML value (`null`)
 * means the same as leaving the key out.
 *
 * @param schema The section's schema.
 * @returns The schema, optional, with `null` read as absent.
 */
export function optionalSection<T>(schema: z.ZodType<T, unknown>): z.ZodType<T | undefined, unknown> {
  return z.preprocess((input) => (input === null ? undefined : input), schema.optional());
}
