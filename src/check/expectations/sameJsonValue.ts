/**
 * Deep equality between a value in a JSON body and the value expected in the config. Arrays compare
 * element by element, objects key by key (same keys, any order). Scalars compare by value, so a
 * number or boolean written as a string (as `${ENV}` interpolation leaves it) matches: `3` and `"3"`,
 * `true` and `"true"`. `null` matches only `null`.
 *
 * ## Example
 * ```ts
 * sameJsonValue({ a: [1, 'x'] }, { a: [1, 'x'] }); // true
 * sameJsonValue(3, '3');                         // true
 * sameJsonValue('ok', 'degraded');               // false
 * ```
 *
 * @param actual The value found in the body.
 * @param expected The value from `expect.json`.
 * @returns Whether they are the same.
 */
export function sameJsonValue(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (Array.isArray(actual) || Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      Array.isArray(expected) &&
      actual.length === expected.length &&
      actual.every((item, index) => sameJsonValue(item, expected[index]))
    );
  }
  if (isObject(actual) || isObject(expected)) {
    if (!isObject(actual) || !isObject(expected)) return false;
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((key) => Object.hasOwn(actual, key) && sameJsonValue(actual[key], expected[key]))
    );
  }
  return sameScalar(actual, expected);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scalars of different types: a string against the number or boolean it spells. */
function sameScalar(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b !== 'string') return sameScalar(b, a);
  if (typeof b !== 'string') return false;
  if (typeof a === 'number') return b.trim() !== '' && Number(b) === a;
  if (typeof a === 'boolean') return String(a) === b;
  return false;
}
