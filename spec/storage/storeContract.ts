import { lastValueFrom } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import { countResult, emptyBucket } from '../../src/storage/aggregates.js';
import type { AdHocWindow, Retention, Store, StoreBatch, UptimeFigure } from '../../src/storage/store.js';
import { DAY, HOUR, T0, batchOf, changeOf, fullResult, minimalResult } from './storeFixtures.js';

/** Makes a fresh, empty store for one test; the contract closes it. */
export type StoreFactory = () => Promise<Store>;

const write = (store: Store, batch: StoreBatch): Promise<void> => lastValueFrom(store.write(batch), { defaultValue: undefined });
const prune = (store: Store, retention: Retention, nowMs: number, batchSize: number): Promise<number> => lastValueFrom(store.prune(retention, nowMs, batchSize));

async function readAll(store: Store, order: 'asc' | 'desc', limit: number, monitor?: string): Promise<{ results: CheckResult[]; pages: number }> {
  const results: CheckResult[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.results({ order, limit, ...(cursor === undefined ? {} : { cursor }), ...(monitor === undefined ? {} : { monitor }) });
    results.push(...page.results);
    cursor = page.next;
    pages += 1;
  } while (cursor !== undefined && pages < 100);
  return { results, pages };
}

function figureOf(monitor: string, results: CheckResult[]): UptimeFigure {
  const bucket = emptyBucket(monitor, 0);
  for (const result of results) countResult(bucket, result);
  const { startMs: _start, phases: _phases, ...figure } = bucket;
  return figure;
}

/**
 * The behaviour every {@link Store} shares, as one suite: the in-memory store defines it, the SQL
 * adapters must match it.
 *
 * @param name The store's name in the suite title.
 * @param makeStore Makes a fresh, empty store.
 */
export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`${name} (Store contract)`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('when results are written', () => {
      it('reads back full and minimal results deep-equal, absent fields absent', async () => {
        const written = [
          fullResult('api', T0),
          minimalResult('api', T0 + 1000),
          fullResult('api', T0 + 2000, { timings: undefined, finalUrl: undefined, redirects: undefined, certExpiresInDays: undefined, scheduleLagMs: undefined }),
          fullResult('api', T0 + 3000, { method: 'HEAD', url: 'https://other.example.com/', finalUrl: 'https://other.example.com/' }),
          fullResult('api', T0 + 4000, { ok: false, status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' }, durationMs: 1.0000001, bytes: 0, contentLength: 0 }),
          { ...minimalResult('web', T0 + 5000), startedAt: '2025-01-01T00:00:05Z' },
        ];
        for (const result of written) {
          if (result.timings === undefined) delete result.timings;
          for (const key of Object.keys(result) as (keyof CheckResult)[]) if (result[key] === undefined) delete result[key];
        }
        await write(store, batchOf(written.slice(0, 3)));
        await write(store, batchOf(written.slice(3)));
        const page = await store.results({ order: 'asc' });
        expect(page.results).toStrictEqual(written);
        expect(page.next).toBeUndefined();
        expect(await store.monitors()).toEqual(['api', 'web']);
      });

      it('orders by startedAt then by arrival, both ways, across monitors', async () => {
        const a1 = fullResult('a', T0 + 2000);
        const b1 = fullResult('b', T0 + 1000);
        const a2 = fullResult('a', T0 + 2000, { bytes: 2 });
        const b2 = minimalResult('b', T0 + 3000);
        await write(store, batchOf([a1, b1, a2, b2]));
        expect((await store.results({ order: 'asc' })).results).toEqual([b1, a1, a2, b2]);
        expect((await store.results({ order: 'desc' })).results).toEqual([b2, a2, a1, b1]);
        expect((await store.results({ order: 'desc', limit: 2 })).results).toEqual([b2, a2]);
        expect((await store.results({ order: 'asc', monitor: 'a' })).results).toEqual([a1, a2]);
        expect((await store.results({ order: 'asc', monitor: 'nobody' })).results).toEqual([]);
      });

      it('honours since (inclusive), until (exclusive) and limit', async () => {
        const all = [0, 1, 2, 3, 4, 5].map((index) => fullResult(index % 2 === 0 ? 'a' : 'b', T0 + index * 1000));
        await write(store, batchOf(all));
        expect((await store.results({ order: 'asc', sinceMs: T0 + 1000, untilMs: T0 + 4000 })).results).toEqual(all.slice(1, 4));
        expect((await store.results({ order: 'asc', sinceMs: T0 + 1000, untilMs: T0 + 4000, monitor: 'a' })).results).toEqual([all[2]]);
        const limited = await store.results({ order: 'asc', sinceMs: T0 + 1000, limit: 2 });
        expect(limited.results).toEqual(all.slice(1, 3));
        expect(limited.next).toBeDefined();
        const exact = await store.results({ order: 'asc', sinceMs: T0 + 4000, limit: 2 });
        expect(exact.results).toEqual(all.slice(4));
        expect(exact.next).toBeUndefined();
      });

      it.each(['asc', 'desc'] as const)('pages through everything with the cursor (%s), ties included', async (order) => {
        const all: CheckResult[] = [];
        for (let index = 0; index < 11; index += 1) all.push(fullResult(index % 3 === 0 ? 'a' : 'b', T0 + Math.floor(index / 2) * 1000, { bytes: index }));
        await write(store, batchOf(all.slice(0, 5)));
        await write(store, batchOf(all.slice(5)));
        const expected = order === 'asc' ? all : [...all].reverse();
        const read = await readAll(store, order, 3);
        expect(read.results).toEqual(expected);
        expect(read.pages).toBe(4);
        expect((await readAll(store, order, 2, 'a')).results).toEqual(expected.filter((result) => result.monitor === 'a'));
      });
    });

    describe('when state changes are written', () => {
      it('reads them back oldest first, filtered by monitor, since, until and limit', async () => {
        const down = changeOf(minimalResult('a', T0), 'down');
        const upB = changeOf(fullResult('b', T0 + 1000), 'up', 2);
        const up = changeOf(fullResult('a', T0 + 2000), 'up', 2);
        await write(store, batchOf([], [down, upB]));
        await write(store, batchOf([], [up]));
        expect(await store.changes({})).toStrictEqual([down, upB, up]);
        expect(await store.changes({ monitor: 'a' })).toEqual([down, up]);
        expect(await store.changes({ sinceMs: T0 + 1000 })).toEqual([upB, up]);
        expect(await store.changes({ untilMs: T0 + 1000 })).toEqual([down]);
        expect(await store.changes({ limit: 2 })).toEqual([down, upB]);
        expect(await store.monitors()).toEqual(['a', 'b']);
      });
    });

    describe('when aggregates are summed', () => {
      const resultsA = [
        fullResult('a', T0 + 1000, { durationMs: 3 }),
        fullResult('a', T0 + 2000, { durationMs: 7.5, timings: undefined }),
        minimalResult('a', T0 + HOUR + 1000),
        fullResult('a', T0 + HOUR + 2000, { durationMs: 20_000 }),
        fullResult('a', T0 + DAY + 1000, { durationMs: 300.25 }),
      ];
      const resultsB = [fullResult('b', T0 + 5000, { durationMs: 1000 }), fullResult('b', T0 + 6000, { durationMs: 1000.5 })];

      beforeEach(async () => {
        await write(store, batchOf([resultsA[0], resultsB[0], resultsA[2]]));
        await write(store, batchOf([resultsA[1], resultsA[3], resultsB[1], resultsA[4]]));
      });

      it('sums hourly buckets per monitor over the window, sorted by monitor', async () => {
        expect(await store.uptime({ sinceMs: T0, untilMs: T0 + 2 * HOUR })).toStrictEqual([figureOf('a', resultsA.slice(0, 4)), figureOf('b', resultsB)]);
        // Rounded down to the bucket: T0 + 30 min still takes the first hour.
        expect(await store.uptime({ sinceMs: T0 + HOUR / 2, untilMs: T0 + HOUR, monitors: ['a'] })).toStrictEqual([figureOf('a', resultsA.slice(0, 2))]);
        expect(await store.uptime({ sinceMs: T0 + HOUR, untilMs: T0 + 30 * DAY, monitors: ['a', 'b', 'nobody'] })).toStrictEqual([figureOf('a', resultsA.slice(2))]);
        expect(await store.uptime({ sinceMs: T0 - 2 * DAY, untilMs: T0 })).toEqual([]);
      });

      it('sums daily buckets with width day', async () => {
        expect(await store.uptime({ sinceMs: T0, untilMs: T0 + DAY, width: 'day' })).toStrictEqual([figureOf('a', resultsA.slice(0, 4)), figureOf('b', resultsB)]);
        expect(await store.uptime({ sinceMs: T0 + 1, untilMs: T0 + 2 * DAY, width: 'day', monitors: ['a'] })).toStrictEqual([figureOf('a', resultsA)]);
      });

      it('reads one monitor’s buckets oldest first, with histograms and phase sums', async () => {
        const hours = await store.buckets('a', { sinceMs: T0, untilMs: T0 + 2 * DAY }, 'hour');
        expect(hours.map((bucket) => bucket.startMs)).toEqual([T0, T0 + HOUR, T0 + DAY]);
        const first = emptyBucket('a', T0);
        countResult(first, resultsA[0]);
        countResult(first, resultsA[1]);
        expect(hours[0]).toStrictEqual(first);
        expect(hours[0].histogram).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        expect(hours[0].phases).toEqual({ dnsMs: 1.5, connectMs: 10.125, tlsMs: 20, firstByteMs: 30.5, transferMs: 5.125, count: 1 });
        expect(hours[1].histogram[11]).toBe(1);
        const days = await store.buckets('a', { sinceMs: T0, untilMs: T0 + 2 * DAY }, 'day');
        expect(days.map((bucket) => [bucket.startMs, bucket.checks, bucket.ok])).toEqual([
          [T0, 4, 3],
          [T0 + DAY, 1, 1],
        ]);
        expect(await store.buckets('nobody', { sinceMs: T0, untilMs: T0 + DAY }, 'hour')).toEqual([]);
      });
    });

    describe('when health tracks are written', () => {
      it('resumes from the last snapshot of each monitor', async () => {
        await write(store, batchOf([], [], [{ monitor: 'a', track: { state: 'unknown', streakOk: true, streak: 1 }, lastAt: new Date(T0).toISOString() }]));
        const a = { monitor: 'a', track: { state: 'up' as const, streakOk: false, streak: 2 }, since: new Date(T0 + 1000).toISOString(), lastAt: new Date(T0 + 2000).toISOString() };
        const b = { monitor: 'b', track: { state: 'down' as const, streakOk: false, streak: 7 }, since: '2025-01-01T00:00:01Z', lastAt: new Date(T0 + 3000).toISOString() };
        await write(store, batchOf([], [], [a, b]));
        const resumed = await store.resume();
        expect([...resumed].sort((x, y) => (x.monitor < y.monitor ? -1 : 1))).toStrictEqual([a, b]);
      });
    });

    describe('when retention prunes', () => {
      const retention: Retention = { results: DAY, failures: 5 * DAY, changes: 10 * DAY, hourly: 20 * DAY, daily: 40 * DAY };

      beforeEach(async () => {
        const ok = [0, 1, 2, 3, 4].map((minute) => fullResult('a', T0 + minute * 60_000));
        const failed = [minimalResult('a', T0 + 10 * 60_000), minimalResult('b', T0 + 11 * 60_000)];
        await write(store, batchOf([...ok, ...failed], [changeOf(failed[0], 'down'), changeOf(ok[0], 'up')]));
      });

      it('deletes each kind past its age, at most batchSize rows a call, oldest first', async () => {
        expect(await prune(store, retention, T0 + DAY, 100)).toBe(0); // exactly a day old: kept
        expect(await prune(store, retention, T0 + DAY + 60_000, 100)).toBe(1); // only the result at T0 is older than a day
        expect(await prune(store, retention, T0 + 2 * DAY, 2)).toBe(2);
        expect((await store.results({ order: 'asc' })).results.map((result) => result.startedAt)).toEqual(
          [3, 4, 10, 11].map((minute) => new Date(T0 + minute * 60_000).toISOString()),
        );
        expect(await prune(store, retention, T0 + 2 * DAY, 2)).toBe(2);
        expect(await prune(store, retention, T0 + 2 * DAY, 2)).toBe(0);
        expect((await store.results({ order: 'asc' })).results.every((result) => !result.ok)).toBe(true);

        expect(await prune(store, retention, T0 + 6 * DAY, 100)).toBe(2);
        expect((await store.results({ order: 'asc' })).results).toEqual([]);
        expect(await store.changes({})).toHaveLength(2);

        expect(await prune(store, retention, T0 + 11 * DAY, 100)).toBe(2);
        expect(await store.changes({})).toEqual([]);

        // A bucket goes when its end is older than the retention.
        expect(await prune(store, retention, T0 + HOUR + 20 * DAY, 100)).toBe(0);
        expect(await prune(store, retention, T0 + HOUR + 20 * DAY + 1, 100)).toBe(2);
        expect(await store.buckets('a', { sinceMs: T0, untilMs: T0 + DAY }, 'hour')).toEqual([]);
        expect(await store.buckets('a', { sinceMs: T0, untilMs: T0 + DAY }, 'day')).toHaveLength(1);

        expect(await prune(store, retention, T0 + 41 * DAY + 1, 1)).toBe(1);
        expect(await prune(store, retention, T0 + 41 * DAY + 1, 1)).toBe(1);
        expect(await prune(store, retention, T0 + 41 * DAY + 1, 1)).toBe(0);
      });

      it('keeps the rows of a monitor that stopped reporting until they age out', async () => {
        await write(store, batchOf([fullResult('gone', T0 + DAY + HOUR)]));
        while ((await prune(store, retention, T0 + 2 * DAY, 3)) > 0);
        expect((await store.results({ order: 'asc', monitor: 'gone' })).results).toHaveLength(1);
        expect(await store.monitors()).toEqual(['a', 'b', 'gone']);
        expect(await store.uptime({ sinceMs: T0, untilMs: T0 + 2 * DAY, monitors: ['gone'] })).toHaveLength(1);
      });
    });

    it('closes twice without complaint', async () => {
      await store.close();
      await store.close();
    });

    describe('when ad hoc maintenance windows are kept', () => {
      const window = (id: string, more: Partial<AdHocWindow> = {}): AdHocWindow => ({ id, monitor: 'api', startMs: T0, endMs: T0 + HOUR, createdMs: T0, ...more });

      it('reads back the windows not over yet, oldest start first, absent fields absent', async () => {
        await store.addMaintenance(window('b', { startMs: T0 + 60_000, reason: 'deploy 1.2.3' }));
        await store.addMaintenance(window('a', { monitor: undefined, group: 'payments' }));
        await store.addMaintenance(window('old', { endMs: T0 + 1_000 }));
        expect(await store.maintenance(T0 + 1_000)).toEqual([
          { id: 'a', group: 'payments', startMs: T0, endMs: T0 + HOUR, createdMs: T0 },
          { id: 'b', monitor: 'api', startMs: T0 + 60_000, endMs: T0 + HOUR, reason: 'deploy 1.2.3', createdMs: T0 },
        ]);
      });

      it('stops the windows of one monitor or group now, and no others', async () => {
        await store.addMaintenance(window('a'));
        await store.addMaintenance(window('b', { monitor: 'web' }));
        await store.addMaintenance(window('c', { monitor: undefined, group: 'payments' }));
        expect(await store.stopMaintenance({ monitor: 'api' }, T0 + 5_000)).toBe(1);
        expect(await store.stopMaintenance({ monitor: 'api' }, T0 + 6_000)).toBe(0);
        expect((await store.maintenance(T0 + 5_000)).map((kept) => kept.id)).toEqual(['b', 'c']);
        expect(await store.stopMaintenance({ group: 'payments' }, T0 + 7_000)).toBe(1);
        expect(await store.maintenance(T0 + 7_000)).toEqual([window('b', { monitor: 'web' })]);
      });
    });

    describe('when retention prunes ad hoc maintenance windows', () => {
      it('deletes windows ended longer ago than the incident log is kept, and no others', async () => {
        const retention: Retention = { results: DAY, failures: DAY, changes: 10 * DAY, hourly: DAY, daily: DAY };
        await store.addMaintenance({ id: 'old', monitor: 'api', startMs: T0, endMs: T0 + HOUR, createdMs: T0 });
        await store.addMaintenance({ id: 'recent', monitor: 'api', startMs: T0 + 5 * DAY, endMs: T0 + 5 * DAY + HOUR, createdMs: T0 });
        expect(await prune(store, retention, T0 + 12 * DAY, 100)).toBe(1);
        expect((await store.maintenance(T0)).map((window) => window.id)).toEqual(['recent']);
      });
    });

    describe('when results carry the maintenance mark', () => {
      it('reads the mark back and leaves those checks out of the aggregates', async () => {
        const marked = { ...minimalResult('api', T0 + 1_000), maintenance: true as const };
        await write(store, batchOf([minimalResult('api', T0), marked]));
        expect((await store.results({ monitor: 'api', order: 'asc' })).results).toEqual([minimalResult('api', T0), marked]);
        const [figure] = await store.uptime({ sinceMs: T0 - HOUR, untilMs: T0 + HOUR, monitors: ['api'] });
        expect({ checks: figure.checks, ok: figure.ok }).toEqual({ checks: 1, ok: 0 });
      });
    });
  });
}
