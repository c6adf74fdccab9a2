import { z } from 'zod';
import { accept, reject, valueSchema, type Checked } from './valueSchema.js';

/** An inclusive status range. */
type StatusRange = readonly [number, number];

const PROBLEM = 'expected a status code from 100 to 599 or a range such as "200-299"';

/**
 * Checks one entry of `expect.status`: a code (`200`, `"200"`) or a range (`"300-399"`).
 *
 * @param entry The raw entry.
 * @returns The inclusive range.
 */
function statusRange(entry: unknown): Checked<StatusRange> {
  const match = typeof entry === 'string' ? /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(entry) : null;
  const [low, high] =
    typeof entry === 'number'
      ? [entry, entry]
      : match === null
        ? [NaN, NaN]
        : [Number(match[1]), Number(match[2] ?? match[1])];
  if (!isStatusCode(low) || !isStatusCode(high)) return reject(PROBLEM);
  if (low > high) return reject('expected a range from low to high, such as "300-399"');
  return accept([low, high] as const);
}

/**
 * @param code A number.
 * @returns Whether it is a whole number from 100 to 599.
 */
function isStatusCode(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}

/**
 * `expect.status`: a list of codes and ranges (`[200, "300-399"]`), or a single one, output as
 * inclusive ranges (`[[200, 200], [300, 399]]`). A bad entry is reported at its own index
 * (`expect.status[1]`).
 *
 * @returns The schema.
 */
export function statusRanges(): z.ZodType<ReadonlyArray<StatusRange>, unknown> {
  const asList = valueSchema((input) => {
    if (!Array.isArray(input)) {
      const single = statusRange(input);
      return single.ok ? accept([input]) : single;
    }
    return input.length === 0 ? reject('expected at least one status code or range') : accept(input);
  });
  return asList.pipe(z.array(valueSchema(statusRange)));
}
