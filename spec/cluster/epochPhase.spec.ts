import { epochPhaseOffset } from '../../src/cluster/index.js';

describe('epochPhaseOffset', () => {
  it.each([1_000, 10_000, 60_000])('points every instance at the same instants (checkEvery %i ms)', (every) => {
    for (const now of [1_700_000_000_123, 1_700_000_004_567, 1_700_000_009_999]) {
      const offset = epochPhaseOffset('api', every, now);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(every);
      // The first check lands on the same phase point, whoever computes it when.
      expect((now + offset) % every).toBe(epochPhaseOffset('api', every, 0));
    }
  });

  it('gives different names different phases', () => {
    const phases = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => epochPhaseOffset(name, 10_000, 0)));
    expect(phases.size).toBe(6);
  });
});
