import type { z } from 'zod';
import { MAX_DURATION_MS, parseDuration } from '../duration.js';
import { accept, reject, valueSchema } from './valueSchema.js';

/**
 * A positive duration, output in milliseconds (see `parseDuration`).
 *
 * @param unitlessAs What a bare number means: seconds in YAML, milliseconds in the library.
 * @returns The schema.
 */
export function duration(unitlessAs: 's' | 'ms'): z.ZodType<number, unknown> {
  const example = unitlessAs === 's' ? '5' : '5000';
  const problem = `expected a positive duration such as ${example}, "500ms", "2s" or "1m"`;
  return valueSchema((input) => {
    const ms = parseDuration(input, unitlessAs);
    if (ms === undefined) return reject(problem);
    if (ms > MAX_DURATION_MS) return reject('expected a duration of at most 24d (the longest a timer can wait)');
    return accept(ms);
  });
}
