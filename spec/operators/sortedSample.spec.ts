import { SortedSample } from '../../src/operators/sortedSample.js';

function sampleOf(values: number[]): SortedSample {
  const sample = new SortedSample();
  for (const value of values) sample.add(value);
  return sample;
}

describe('SortedSample', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => 100 - i);

  it.each([
    [[42], 50, 42],
    [[42], 99, 42],
    [[3, 1, 2], 50, 2],
    [[3, 1, 2], 34, 2],
    [[3, 1, 2], 33, 1],
    [[3, 1, 2], 100, 3],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 51, 3],
    [oneToHundred, 50, 50],
    [oneToHundred, 95, 95],
    [oneToHundred, 99, 99],
    [[5, 5, 1, 5], 50, 5],
  ])('in %j the nearest-rank p%d is %d', (values, p, expected) => {
    expect(sampleOf(values).percentile(p)).toBe(expected);
  });

  it('is NaN when empty', () => {
    expect(sampleOf([]).percentile(50)).toBeNaN();
  });

  it('removes one occurrence of a value, and ignores values it does not hold', () => {
    const sample = sampleOf([5, 1, 5, 9]);
    sample.remove(5);
    sample.remove(7);
    expect(sample.size).toBe(3);
    expect([sample.percentile(1), sample.percentile(50), sample.percentile(100)]).toEqual([1, 5, 9]);
  });
});
