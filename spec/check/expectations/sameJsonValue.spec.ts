import { sameJsonValue } from '../../../src/check/expectations/sameJsonValue.js';
import { valueAtPath } from '../../../src/check/expectations/jsonPath.js';

describe('sameJsonValue', () => {
  it.each([
    { actual: 'ok', expected: 'ok', same: true },
    { actual: 3, expected: 3, same: true },
    { actual: 3, expected: '3', same: true },
    { actual: '3', expected: 3, same: true },
    { actual: 3.5, expected: '3.50', same: true },
    { actual: 3, expected: ' ', same: false },
    { actual: true, expected: 'true', same: true },
    { actual: false, expected: 'true', same: false },
    { actual: null, expected: null, same: true },
    { actual: null, expected: 0, same: false },
    { actual: 0, expected: false, same: false },
    { actual: [1, [2]], expected: [1, [2]], same: true },
    { actual: [1, 2], expected: [2, 1], same: false },
    { actual: { a: 1, b: 2 }, expected: { b: 2, a: 1 }, same: true },
    { actual: { a: 1, b: 2 }, expected: { a: 1 }, same: false },
    { actual: { a: 1 }, expected: [1], same: false },
    { actual: {}, expected: null, same: false },
  ])('$actual vs $expected → $same', ({ actual, expected, same }) => {
    expect(sameJsonValue(actual, expected)).toBe(same);
  });
});

describe('valueAtPath', () => {
  const doc = { a: { b: [10, { c: 'x' }] }, 'k.dot': 1 };
  it.each([
    { path: 'a.b.0', found: { found: true, value: 10 } },
    { path: 'a.b.1.c', found: { found: true, value: 'x' } },
    { path: 'a.b.2', found: { found: false } },
    { path: 'a.b.01', found: { found: false } },
    { path: 'a.b.length', found: { found: false } },
    { path: 'a.toString', found: { found: false } },
    { path: 'a.b.0.x', found: { found: false } },
  ])('$path → $found', ({ path, found }) => {
    expect(valueAtPath(doc, path)).toEqual(found);
  });
});
