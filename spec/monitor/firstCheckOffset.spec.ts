import { firstCheckOffset, lateStartOffset, fnv1a32 } from '../../src/monitor/firstCheckOffset.js';

describe('firstCheckOffset', () => {
  it('is stable for a name', () => {
    expect(firstCheckOffset('api', 10_000, 3)).toBe(firstCheckOffset('api', 10_000, 3));
    expect(fnv1a32('api')).toBe(fnv1a32('api'));
  });

  it('hashes with FNV-1a (known vector)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });

  it('puts a handful of monitors within the first second', () => {
    for (const name of ['example', 'httpbin', 'a', 'b', 'c']) {
      const offset = firstCheckOffset(name, 5_000, 2);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(1_000);
    }
  });

  it('spreads many monitors over the whole interval, evenly', () => {
    const offsets = Array.from({ length: 10_000 }, (_, i) => firstCheckOffset(`monitor-${i}`, 10_000, 10_000));
    expect(Math.max(...offsets)).toBeLessThan(10_000);
    expect(Math.max(...offsets)).toBeGreaterThan(9_000);
    // Each of 10 one-second buckets gets roughly a tenth.
    const buckets = new Array(10).fill(0);
    for (const offset of offsets) buckets[Math.floor(offset / 1_000)]++;
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });

  it('never exceeds the interval', () => {
    for (let i = 0; i < 1_000; i++) expect(firstCheckOffset(`m${i}`, 300, 1)).toBeLessThan(300);
  });

  it('widens the spread by 10 ms per monitor', () => {
    const offsets = Array.from({ length: 500 }, (_, i) => firstCheckOffset(`m${i}`, 60_000, 500));
    expect(Math.max(...offsets)).toBeLessThan(5_000);
    expect(Math.max(...offsets)).toBeGreaterThan(4_000);
  });
});

describe('lateStartOffset', () => {
  it('keeps a monitor whose offset is still ahead on its planned time', () => {
    expect(lateStartOffset(7_000, 3_000)).toBe(4_000);
    expect(lateStartOffset(3_000, 3_000)).toBe(0);
    expect(lateStartOffset(500, 0)).toBe(500);
  });

  it('takes an overdue offset from now, so overdue monitors do not all fire at once', () => {
    expect(lateStartOffset(1_000, 3_000)).toBe(1_000);
    expect(lateStartOffset(0, 3_000)).toBe(0);
  });

  it('spreads 50,000 monitors over 30 s started 3 s late at no more than twice the planned rate', () => {
    const delays = Array.from({ length: 50_000 }, (_, i) => lateStartOffset(firstCheckOffset(`m${i}`, 30_000, 50_000), 3_000));
    const perSecond = new Array(30).fill(0);
    for (const delay of delays) perSecond[Math.floor(delay / 1_000)]++;
    // Planned: about 1,667 a second. Every second of the first three holds the on-time and the overdue ones.
    expect(Math.max(...perSecond)).toBeLessThan(2 * 1_667 * 1.15);
    expect(Math.max(...perSecond.slice(3))).toBeLessThan(1_667 * 1.15);
    expect(Math.max(...delays)).toBeLessThan(27_000);
  });
});
