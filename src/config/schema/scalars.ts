import type { z } from 'zod';
import { accept, reject, valueSchema, wrongType } from './valueSchema.js';

/**
 * A string value.
 *
 * @param options `nonEmpty`: reject `''` (and blanks).
 * @returns The schema.
 */
export function text({ nonEmpty = false }: { nonEmpty?: boolean } = {}): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a string', input));
    if (nonEmpty && input.trim() === '') return reject('expected a non-empty string');
    return accept(input);
  });
}

/**
 * `true` or `false` (YAML booleans, not `"yes"`). The strings `"true"` and `"false"` count too, so
 * that `${ENV}` can set a flag.
 *
 * @returns The schema.
 */
export function flag(): z.ZodType<boolean, unknown> {
  return valueSchema((input) => {
    if (typeof input === 'boolean') return accept(input);
    if (input === 'true' || input === 'false') return accept(input === 'true');
    return reject(wrongType('true or false', input));
  });
}

/**
 * A number, or a string holding one (so that `${ENV}` can set numbers).
 *
 * @param input The raw value.
 * @returns The number, or `undefined` for anything else.
 */
function numberOf(input: unknown): number | undefined {
  if (typeof input === 'number') return input;
  if (typeof input === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(input)) return Number(input);
  return undefined;
}

/**
 * A whole number within bounds (a string of digits counts too).
 *
 * @param min The smallest allowed value.
 * @param max The largest allowed value (default: none).
 * @returns The schema.
 */
export function wholeNumber(min: number, max?: number): z.ZodType<number, unknown> {
  const expected = max === undefined ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
  return valueSchema((input) => {
    const value = numberOf(input);
    if (value === undefined) return reject(wrongType(expected, input));
    if (!Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
      return reject(`expected ${expected}`);
    }
    return accept(value);
  });
}

/**
 * A number greater than zero (fractions allowed).
 *
 * @returns The schema.
 */
export function positiveNumber(): z.ZodType<number, unknown> {
  return valueSchema((input) => {
    const value = numberOf(input);
    if (value === undefined) return reject(wrongType('a positive number', input));
    return Number.isFinite(value) && value > 0 ? accept(value) : reject('expected a positive number');
  });
}

/**
 * One of a fixed set of words, matched case-insensitively and stored in the set's own case.
 *
 * @param words The allowed words, as stored.
 * @returns The schema.
 */
export function oneOf<Word extends string>(words: readonly Word[]): z.ZodType<Word, unknown> {
  const problem = `expected one of ${words.join(', ')}`;
  return valueSchema((input) => {
    const found = typeof input === 'string' ? words.find((word) => word.toLowerCase() === input.trim().toLowerCase()) : undefined;
    return found === undefined ? reject(problem) : accept(found);
  });
}

/**
 * Any value at all (expected JSON values): only absence is refused.
 *
 * @returns The schema.
 */
export function anyValue(): z.ZodType<unknown, unknown> {
  return valueSchema((input) => accept(input));
}
