import type { z } from 'zod';
import { accept, reject, valueSchema, wrongType } from './valueSchema.js';

/** The most worker threads `workers:` accepts. */
export const MAX_WORKERS = 64;

const EXPECTED = `auto or a whole number of worker threads from 0 to ${MAX_WORKERS}`;

/**
 * `workers: auto | N`: `auto`, or how many worker threads run the checks (0: all on the main thread).
 *
 * @returns The schema.
 */
export function workersSchema(): z.ZodType<'auto' | number, unknown> {
  return valueSchema<'auto' | number>((input) => {
    if (typeof input === 'string' && input.trim().toLowerCase() === 'auto') return accept('auto');
    const value = typeof input === 'number' ? input : typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : undefined;
    if (value === undefined) return reject(wrongType(EXPECTED, input));
    return Number.isSafeInteger(value) && value >= 0 && value <= MAX_WORKERS ? accept(value) : reject(`expected ${EXPECTED}`);
  });
}
