import { lastValueFrom } from 'rxjs';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import { uptimeOver } from '../../src/storage/uptimeOver.js';
import { DAY, HOUR, T0, batchOf, fullResult, minimalResult } from './storeFixtures.js';

describe('uptimeOver', () => {
  it('sums whole days from daily buckets and the edges from hourly ones, as hourly alone would', async () => {
    const store = new MemoryStore();
    // A result every 5 hours over 10 days, every seventh one failed, for two monitors.
    const results = [];
    for (let ms = T0; ms < T0 + 10 * DAY; ms += 5 * HOUR) {
      const index = (ms - T0) / (5 * HOUR);
      results.push(index % 7 === 0 ? minimalResult('api', ms) : fullResult('api', ms), fullResult('web', ms + 1));
    }
    await lastValueFrom(store.write(batchOf(results)), { defaultValue: undefined });
    const window = { sinceMs: T0 + 13 * HOUR + 5, untilMs: T0 + 8 * DAY + 7 * HOUR };
    const hourly = await store.uptime(window);
    const mixed = await uptimeOver(store, window);
    expect(mixed).toEqual(hourly);
    expect(mixed.map((figure) => figure.monitor)).toEqual(['api', 'web']);
    expect(mixed[0].checks).toBeGreaterThan(30);
    expect(await uptimeOver(store, { ...window, monitors: ['web'] })).toEqual(hourly.filter((figure) => figure.monitor === 'web'));
  });

  it('reads hourly buckets only for a window shorter than a day', async () => {
    const store = new MemoryStore();
    await lastValueFrom(store.write(batchOf([fullResult('api', T0 + HOUR), fullResult('api', T0 + 3 * HOUR)])), { defaultValue: undefined });
    const figures = await uptimeOver(store, { sinceMs: T0, untilMs: T0 + 2 * HOUR });
    expect(figures.map((figure) => figure.checks)).toEqual([1]);
  });
});
