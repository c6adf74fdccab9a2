import type { z } from 'zod';
import { accept, reject, valueSchema, wrongType, type Checked } from './valueSchema.js';

/** Letters, digits, `_`, `.` and `-`: names become log fields and metric labels. */
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Checks a monitor name.
 *
 * @param input The raw name (a `monitors:` key, or `name` of a library spec).
 * @returns The name, or the problem.
 */
export function checkMonitorName(input: unknown): Checked<string> {
  if (typeof input !== 'string') return reject(wrongType('a monitor name (a string)', input));
  if (input === '') return reject('a monitor name cannot be empty');
  if (!NAME.test(input)) return reject('invalid monitor name: use letters, digits, "_", "." and "-" only');
  return accept(input);
}

/**
 * A monitor name as a schema (the library's `name`).
 *
 * @returns The schema.
 */
export function monitorName(): z.ZodType<string, unknown> {
  return valueSchema(checkMonitorName);
}
