import type { z } from 'zod';
import type { KeyProblem } from '../configError.js';
import { MISSING_KEY, describeType } from './valueSchema.js';

/** How zod's type names read in a message. */
const EXPECTED: Readonly<Record<string, string>> = {
  object: 'a map',
  record: 'a map',
  map: 'a map',
  array: 'a list',
  tuple: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/**
 * Words for zod's own issues (the ones our value schemas do not write themselves), passed to
 * `safeParse` as its `error` option.
 *
 * @param issue A zod issue without a message yet.
 * @returns One short line; never the value itself (it may be a secret).
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? MISSING_KEY
        : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeType(issue.input)}`;
    case 'unrecognized_keys':
      return 'unknown key';
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    default:
      return 'invalid value';
  }
}

/**
 * The problems in a failed parse, one per offending key, in the order zod found them. An unknown key
 * is reported at the key itself (the first unknown key of its map).
 *
 * @param error What `safeParse` returned.
 * @param prefix Path of the parsed value inside the whole config (`['monitors', 'api']`).
 * @returns The problems.
 */
export function keyProblems(error: z.ZodError, prefix: ReadonlyArray<string | number> = []): KeyProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)))];
    if (issue.code === 'unrecognized_keys') {
      return { path: [...path, String(issue.keys[0])], problem: issue.message, atKey: true };
    }
    const atKey = issue.code === 'custom' && (issue.params as { atKey?: boolean } | undefined)?.atKey === true;
    return { path, problem: issue.message, atKey };
  });
}
