/**
 * Freezes a value and everything reachable from it, so a loaded config cannot change under the
 * monitors that share it.
 *
 * @param value A tree of plain objects and arrays.
 * @returns The same value, frozen.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
