import { inShard } from '../../src/monitor/shard.js';
import { workerFor } from '../../src/workers/workerFor.js';
import { AUTO_WORKERS_FROM, AUTO_WORKERS_MAX, workerCount } from '../../src/workers/workerCount.js';

const names = Array.from({ length: 4_000 }, (_, i) => `monitor-${i}`);

describe('workerFor', () => {
  it('gives the same name the same worker, within range', () => {
    for (const name of names.slice(0, 200)) {
      const index = workerFor(name, 3);
      expect(index).toBe(workerFor(name, 3));
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(3);
    }
    expect(workerFor('only', 1)).toBe(0);
  });

  it('spreads monitors evenly, also the monitors of one --shard', () => {
    const spread = (subset: string[], count: number) => {
      const counts = new Array<number>(count).fill(0);
      for (const name of subset) counts[workerFor(name, count)]++;
      return counts;
    };
    for (const count of spread(names, 4)) expect(count).toBeGreaterThan(names.length / 4 - 150);
    // Shard 0/2 takes the names of even hash; the split over 2 workers must not follow it.
    const shard0 = names.filter((name) => inShard(name, { index: 0, count: 2 }));
    const [first, second] = spread(shard0, 2);
    expect(Math.min(first, second)).toBeGreaterThan(shard0.length / 2 - 120);
  });
});

describe('workerCount', () => {
  it('auto: none for a small config or one core, else one per core up to the cap', () => {
    expect(workerCount('auto', 10, 8)).toBe(0);
    expect(workerCount('auto', AUTO_WORKERS_FROM - 1, 8)).toBe(0);
    expect(workerCount('auto', AUTO_WORKERS_FROM, 1)).toBe(0);
    expect(workerCount('auto', AUTO_WORKERS_FROM, 2)).toBe(2);
    expect(workerCount('auto', 50_000, 64)).toBe(AUTO_WORKERS_MAX);
  });

  it('takes a number as it is', () => {
    expect(workerCount(0, 50_000, 8)).toBe(0);
    expect(workerCount(3, 5, 1)).toBe(3);
  });
});
