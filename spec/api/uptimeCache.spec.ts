import { lastValueFrom } from 'rxjs';
import { UptimeCache, ratioOf } from '../../src/api/uptimeCache.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import type { Store } from '../../src/storage/store.js';
import { fakeResult } from '../operators/fakeResult.js';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);

async function storeWith(results: Array<{ monitor: string; ok: boolean; agoMs: number }>): Promise<MemoryStore> {
  const store = new MemoryStore();
  await lastValueFrom(
    store.write({ results: results.map(({ monitor, ok, agoMs }) => fakeResult({ monitor, ok, startedAt: new Date(NOW - agoMs).toISOString() })), changes: [], health: [] }),
  );
  return store;
}

/** A store whose `uptime` reads are counted. */
function counted(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const wrapped = Object.create(store) as Store;
  wrapped.uptime = (query) => {
    reads += 1;
    return store.uptime(query);
  };
  return { store: wrapped, reads: () => reads };
}

describe('UptimeCache', () => {
  it('sums every monitor over each window', async () => {
    const store = await storeWith([
      { monitor: 'a', ok: true, agoMs: 60_000 },
      { monitor: 'a', ok: false, agoMs: 120_000 },
      { monitor: 'b', ok: true, agoMs: 3 * 86_400_000 },
    ]);
    const cache = new UptimeCache({ store, now: () => NOW });
    const day = await cache.figures('24h');
    expect([...day.keys()]).toEqual(['a']);
    expect(day.get('a')).toMatchObject({ checks: 2, ok: 1 });
    const week = await cache.figures('7d');
    expect(week.get('b')).toMatchObject({ checks: 1, ok: 1 });
  });

  it('reads once for concurrent requests, and again only once the figures are a minute old', async () => {
    const { store, reads } = counted(await storeWith([{ monitor: 'a', ok: true, agoMs: 60_000 }]));
    let now = NOW;
    const cache = new UptimeCache({ store, now: () => now });
    await Promise.all([cache.figures('24h'), cache.figures('24h'), cache.figures('24h')]);
    const first = reads();
    expect(first).toBeGreaterThan(0);
    now += 59_000;
    await cache.figures('24h');
    expect(reads()).toBe(first);
    now += 2_000;
    // Stale: answered from the old figures at once, refreshed behind.
    const stale = await cache.figures('24h');
    expect(stale.get('a')).toMatchObject({ checks: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads()).toBe(2 * first);
  });

  it('keeps the old figures when a refresh fails', async () => {
    const store = await storeWith([{ monitor: 'a', ok: true, agoMs: 60_000 }]);
    let now = NOW;
    const cache = new UptimeCache({ store, now: () => now });
    await cache.figures('24h');
    store.uptime = () => Promise.reject(new Error('away'));
    now += 120_000;
    await expect(cache.figures('24h')).resolves.toBeInstanceOf(Map);
  });
});

describe('ratioOf', () => {
  it.each([
    [undefined, null],
    [{ checks: 0, ok: 0 }, null],
    [{ checks: 4, ok: 3 }, 0.75],
  ])('of %j is %s', (figure, ratio) => {
    expect(ratioOf(figure)).toBe(ratio);
  });
});
