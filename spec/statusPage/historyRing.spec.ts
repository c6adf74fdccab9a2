import { HistoryRing } from '../../src/statusPage/historyRing.js';

describe('HistoryRing', () => {
  it('keeps values oldest first while it has room', () => {
    const ring = new HistoryRing<number>(4);
    [1, 2, 3].forEach((n) => ring.push(n));
    expect(ring.toArray()).toEqual([1, 2, 3]);
    expect(ring.size).toBe(3);
  });

  it('never holds more than its capacity: the oldest values drop out', () => {
    const ring = new HistoryRing<number>(3);
    for (let n = 1; n <= 1_000; n += 1) ring.push(n);
    expect(ring.size).toBe(3);
    expect(ring.toArray()).toEqual([998, 999, 1_000]);
  });

  it('works with a capacity of 1', () => {
    const ring = new HistoryRing<string>(1);
    ring.push('a');
    ring.push('b');
    expect(ring.toArray()).toEqual(['b']);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects a capacity of %p', (capacity) => {
    expect(() => new HistoryRing(capacity)).toThrow(RangeError);
  });
});
