import { lastValueFrom } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import { LiveMonitors } from '../../src/live/liveMonitors.js';
import type { MonitorState } from '../../src/operators/health.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import { makeSpec } from '../support/specs.js';
import { fakeResult } from '../operators/fakeResult.js';

/** "Now" of the API fixtures: a fixed instant, mid-hour. */
export const NOW = Date.UTC(2024, 5, 15, 12, 30, 0);

/** A name that must come out as text everywhere. */
export const NASTY = 'a<script>alert(1)</script>&b';

/**
 * A store and live monitors for the API and badge tests:
 * - `web` (group `public`): 250 results, one a minute back from NOW, every 10th failed (90 % ok);
 *   down at −200 min, up at −190 min, down again at −5 min (open);
 * - `slow`: 10 results of 1.5 s, all ok, up;
 * - `fresh`: configured, nothing stored (pending);
 * - `gone`: not configured, 3 stored results (removed from the config);
 * - {@link NASTY}: configured, up, one result.
 */
export async function apiFixture(): Promise<{ store: MemoryStore; live: LiveMonitors; web: CheckResult[] }> {
  const store = new MemoryStore();
  const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
  const web = Array.from({ length: 250 }, (_, index) =>
    fakeResult({ monitor: 'web', ok: index % 10 !== 9, startedAt: at(250 - index), durationMs: 100 + index }),
  );
  const slow = Array.from({ length: 10 }, (_, index) => fakeResult({ monitor: 'slow', ok: true, startedAt: at(10 - index), durationMs: 1_500 }));
  const gone = Array.from({ length: 3 }, (_, index) => fakeResult({ monitor: 'gone', ok: true, startedAt: at(3 - index) }));
  const nasty = [fakeResult({ monitor: NASTY, ok: true, startedAt: at(1) })];
  const change = (state: 'up' | 'down', minutesAgo: number, code = 'TIMEOUT'): MonitorState => ({
    monitor: 'web',
    state,
    since: at(minutesAgo),
    consecutive: 3,
    result:
      state === 'down'
        ? fakeResult({ monitor: 'web', ok: false, startedAt: at(minutesAgo), error: { code, message: `${code} <after 5 s>` } })
        : fakeResult({ monitor: 'web', ok: true, startedAt: at(minutesAgo) }),
  });
  await lastValueFrom(
    store.write({
      results: [...web, ...slow, ...gone, ...nasty],
      changes: [change('down', 200, 'ECONNREFUSED'), change('up', 190), change('down', 5, 'TIMEOUT')],
      health: [],
    }),
  );
  const live = new LiveMonitors([
    makeSpec({ name: 'web', group: 'public' }),
    makeSpec({ name: 'slow' }),
    makeSpec({ name: 'fresh' }),
    makeSpec({ name: NASTY }),
  ]);
  const track = (state: 'up' | 'down') => ({ state, streakOk: state === 'up', streak: 3 });
  live.restore(
    [
      { monitor: 'web', track: track('down'), since: at(5), lastAt: web.at(-1)!.startedAt },
      { monitor: 'slow', track: track('up'), since: at(10), lastAt: slow.at(-1)!.startedAt },
      { monitor: NASTY, track: track('up'), since: at(1), lastAt: at(1) },
    ],
    new Map([
      ['web', web.at(-1)!],
      ['slow', slow.at(-1)!],
      [NASTY, nasty[0]],
    ]),
  );
  return { store, live, web };
}
