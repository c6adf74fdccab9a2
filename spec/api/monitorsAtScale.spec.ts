import { lastValueFrom } from 'rxjs';
import { apiAndBadgeRoutes } from '../../src/api/index.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import { LiveMonitors } from '../../src/live/liveMonitors.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import type { Store } from '../../src/storage/store.js';
import { listenPerTest } from '../server/listen.js';
import { makeSpec } from '../support/specs.js';
import { fakeResult } from '../operators/fakeResult.js';

const MONITORS = 10_000;
const NOW = Date.UTC(2024, 5, 15, 12, 30, 0);
const listen = listenPerTest();

describe('GET /api/v1/monitors with 10,000 monitors', () => {
  it('reads the store once per window, not per monitor, and answers fast from the cache', async () => {
    const store = new MemoryStore();
    const names = Array.from({ length: MONITORS }, (_, index) => `monitor-${String(index).padStart(5, '0')}`);
    const results: CheckResult[] = names.flatMap((monitor, index) =>
      [3, 2, 1].map((hoursAgo) => fakeResult({ monitor, ok: (index + hoursAgo) % 7 !== 0, startedAt: new Date(NOW - hoursAgo * 3_600_000).toISOString() })),
    );
    await lastValueFrom(store.write({ results, changes: [], health: [] }));
    const live = new LiveMonitors(names.map((name, index) => makeSpec({ name, group: `group-${index % 20}` })));
    live.restore([], new Map(names.map((name) => [name, results.find((result) => result.monitor === name)!])));
    let uptimeReads = 0;
    const counted = Object.create(store) as Store;
    counted.uptime = (query) => {
      uptimeReads += 1;
      return store.uptime(query);
    };
    const server = await listen(apiAndBadgeRoutes({ store: counted, live, now: () => NOW }));

    const timed = async () => {
      const started = performance.now();
      const response = await fetch(new URL('/api/v1/monitors', server.url));
      const bytes = (await response.arrayBuffer()).byteLength;
      return { ms: performance.now() - started, bytes, status: response.status };
    };
    const cold = await timed();
    const readsAfterCold = uptimeReads;
    const warm = [await timed(), await timed(), await timed()];
    const best = Math.min(...warm.map((run) => run.ms));
    process.stdout.write(`GET /api/v1/monitors, ${MONITORS} monitors (MemoryStore): cold ${cold.ms.toFixed(0)} ms, warm best ${best.toFixed(0)} ms, ${cold.bytes} bytes\n`);

    expect(cold.status).toBe(200);
    // 24h, 7d and 30d: at most 3 uptime reads each (edge hours + whole days), whatever the number of monitors.
    expect(readsAfterCold).toBeLessThanOrEqual(9);
    expect(uptimeReads).toBe(readsAfterCold);
    // Generous bounds for a shared, noisy machine; the figures above are what to look at.
    expect(best).toBeLessThan(1_500);
    expect(cold.bytes).toBeLessThan(8_000_000);
  });
});
