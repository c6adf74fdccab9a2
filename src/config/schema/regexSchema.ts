import type { z } from 'zod';
import { accept, reject, valueSchema, wrongType } from './valueSchema.js';

/**
 * A regular expression source that compiles with `new RegExp(source)` (no flags; write `(?i)`-free
 * patterns such as `[Oo]k`). The error names the reason, not the pattern.
 *
 * @returns The schema; its output is the source string.
 */
export function regexSource(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a regular expression (a string)', input));
    try {
      new RegExp(input);
      return accept(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split(': ').pop() : undefined;
      return reject(`not a valid regular expression${reason ? ` (${reason})` : ''}`);
    }
  });
}
