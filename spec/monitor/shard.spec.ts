import { inShard, shardLabel } from '../../src/monitor/shard.js';

describe('inShard', () => {
  it.each([1, 2, 3, 5, 7, 16])('covers every name exactly once across %i shards', (count) => {
    const names = Array.from({ length: 5_000 }, (_, i) => `svc-${i}.${(i * 7919) % 101}`);
    for (const name of names) {
      const owners = Array.from({ length: count }, (_, index) => index).filter((index) => inShard(name, { index, count }));
      expect(owners).toHaveLength(1);
    }
  });

  it('balances shards', () => {
    const names = Array.from({ length: 3_000 }, (_, i) => `monitor-${i}`);
    for (let index = 0; index < 3; index++) {
      const mine = names.filter((name) => inShard(name, { index, count: 3 })).length;
      expect(mine).toBeGreaterThan(850);
      expect(mine).toBeLessThan(1_150);
    }
  });

  it('is stable: the same name always lands in the same shard', () => {
    expect(inShard('api', { index: 0, count: 3 })).toBe(inShard('api', { index: 0, count: 3 }));
  });

  it('formats the label as i/N', () => {
    expect(shardLabel({ index: 1, count: 3 })).toBe('1/3');
  });
});
