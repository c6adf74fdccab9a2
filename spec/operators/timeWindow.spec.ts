import { TimeWindow } from '../../src/operators/timeWindow.js';

describe('TimeWindow', () => {
  it('evicts, oldest first, what is windowMs old or older', () => {
    const window = new TimeWindow<string>(10);
    const evicted: string[] = [];
    const evict = (value: string) => evicted.push(value);
    window.add(0, 'a', evict);
    window.add(5, 'b', evict);
    window.add(9, 'c', evict);
    expect(evicted).toEqual([]);
    window.add(15, 'd', evict);
    expect(evicted).toEqual(['a', 'b']);
    expect(window.size).toBe(2);
  });

  it('grows past its first capacity and keeps the order across the ring wrap', () => {
    const window = new TimeWindow<number>(20);
    const evicted: number[] = [];
    for (let t = 0; t < 100; t += 1) window.add(t, t, (value) => evicted.push(value));
    expect(window.size).toBe(20);
    expect(evicted).toEqual(Array.from({ length: 80 }, (_, i) => i));
  });

  it('evicts the value just added when the window is that narrow', () => {
    const window = new TimeWindow<number>(1);
    const evicted: number[] = [];
    window.add(0, 1, (value) => evicted.push(value));
    window.add(1, 2, (value) => evicted.push(value));
    expect(evicted).toEqual([1]);
    expect(window.size).toBe(1);
  });
});
