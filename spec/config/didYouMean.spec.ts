import { closestKey, editDistance, unknownKeyProblem } from '../../src/config/didYouMean.js';

const MONITOR_KEYS = ['url', 'method', 'timeout', 'check_every', 'retry_every', 'headers', 'expect', 'max_body_bytes'];

describe('editDistance', () => {
  it.each([
    { a: 'kitten', b: 'sitting', distance: 3 },
    { a: '', b: 'abc', distance: 3 },
    { a: 'same', b: 'same', distance: 0 },
    { a: 'chek_every', b: 'check_every', distance: 1 },
  ])('from $a to $b is $distance', ({ a, b, distance }) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('closestKey', () => {
  it.each([
    { key: 'chek_every', suggestion: 'check_every' },
    { key: 'timout', suggestion: 'timeout' },
    { key: 'checkEvery', suggestion: 'check_every' },
    { key: 'Max-Body-Bytes', suggestion: 'max_body_bytes' },
    { key: 'metod', suggestion: 'method' },
    { key: 'ur', suggestion: 'url' },
    { key: 'colour', suggestion: undefined },
    { key: 'x', suggestion: undefined },
  ])('suggests $suggestion for $key', ({ key, suggestion }) => {
    expect(closestKey(key, MONITOR_KEYS)).toBe(suggestion);
  });
});

describe('unknownKeyProblem', () => {
  it('says what to write instead when something is close', () => {
    expect(unknownKeyProblem('expext', MONITOR_KEYS)).toBe('unknown key (did you mean expect?)');
  });

  it('says only "unknown key" otherwise', () => {
    expect(unknownKeyProblem('colour', MONITOR_KEYS)).toBe('unknown key');
  });
});
