import { fairShare, planRound, slotOf } from '../../src/cluster/index.js';
import { inShard } from '../../src/monitor/shard.js';

describe('slotOf', () => {
  it('hashes a name like --shard does (same hash, same slot on every instance)', () => {
    for (const name of ['api', 'monitor-1', 'monitor-2', 'payments']) {
      expect(inShard(name, { index: slotOf(name, 8), count: 8 })).toBe(true);
    }
  });

  it('spreads 1,000 names over 16 slots without an empty or crowded slot', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 1_000; i++) counts[slotOf(`monitor-${i}`, 16)] += 1;
    expect(Math.min(...counts)).toBeGreaterThan(30);
    expect(Math.max(...counts)).toBeLessThan(100);
  });
});

describe('fairShare', () => {
  it.each([
    [['a', 'b', 'c'], 256, [86, 85, 85]],
    [['a', 'b'], 256, [128, 128]],
    [['a'], 256, [256]],
    [['a', 'b', 'c', 'd', 'e'], 3, [1, 1, 1, 0, 0]],
  ])('splits the slots of %j (%i slots) as %j, adding up to all of them', (live, slots, shares) => {
    expect(live.map((me) => fairShare(live, me, slots))).toEqual(shares);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBe(slots);
  });

  it('gives nothing to an instance that is not live', () => {
    expect(fairShare(['a', 'b'], 'z', 256)).toBe(0);
  });
});

describe('planRound', () => {
  const view = (over: Partial<Parameters<typeof planRound>[0]>) => ({
    slots: 8,
    me: 'a',
    live: ['a', 'b'],
    holders: new Map<number, string>(),
    owned: new Set<number>(),
    releasing: new Set<number>(),
    ...over,
  });

  describe('when the instance holds more than its share', () => {
    it('releases the excess, its highest slots, and acquires nothing in the same round', () => {
      const owned = new Set([0, 1, 2, 3, 4, 5, 6, 7]);
      const plan = planRound(view({ owned, holders: new Map([...owned].map((slot) => [slot, 'a'])) }));
      expect(plan).toEqual({ share: 4, release: [7, 6, 5, 4], acquire: [] });
    });
  });

  describe('when it holds fewer', () => {
    it('tries only free slots, as many as it lacks', () => {
      const holders = new Map([0, 1, 2, 3, 4].map((slot) => [slot, 'b']));
      const plan = planRound(view({ holders }));
      expect(plan.release).toEqual([]);
      expect(plan.acquire.sort()).toEqual([5, 6, 7]);
    });

    it('counts slots it is still handing over against its share', () => {
      const plan = planRound(view({ owned: new Set([0, 1]), releasing: new Set([2, 3]), holders: new Map([[0, 'a'], [1, 'a'], [2, 'a'], [3, 'a']]) }));
      expect(plan).toEqual({ share: 4, release: [], acquire: [] });
    });

    it('never tries a slot another instance holds, even when that one is over its share', () => {
      const holders = new Map([0, 1, 2, 3, 4, 5, 6, 7].map((slot) => [slot, 'b']));
      expect(planRound(view({ holders })).acquire).toEqual([]);
    });
  });

  it('releases everything when it is not among the live instances', () => {
    const plan = planRound(view({ live: ['b'], owned: new Set([1, 2]) }));
    expect(plan).toEqual({ share: 0, release: [2, 1], acquire: [] });
  });
});
