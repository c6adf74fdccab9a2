import { map, take, throwError, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { StorageSpec } from '../../src/config/types.js';
import type { StoreMetricEvent } from '../../src/metrics/createMetrics.js';
import type { HealthUpdate } from '../../src/operators/healthSteps.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import { persistResults } from '../../src/storage/persistResults.js';
import { DEFAULT_RETENTION } from '../../src/storage/retention.js';
import type { StoreBatch } from '../../src/storage/store.js';
import { at, fakeResult } from '../operators/fakeResult.js';
import { memoryLogger } from '../support/memoryLogger.js';

const spec: StorageSpec = { type: 'sqlite', path: 'x', flushEvery: 1_000, bufferSize: 3, pruneEvery: 600_000, retention: DEFAULT_RETENTION };
const update = (second: number): HealthUpdate => ({ result: fakeResult({ ok: true, startedAt: at(second) }), track: { state: 'up', streakOk: true, streak: 1 } });

/** A SQLite file that went read-only, then writable again at `healthyFrom` (virtual ms). */
class FlakyStore extends MemoryStore {
  constructor(private readonly scheduler: TestScheduler, private readonly healthyFrom: number) {
    super();
  }
  override write(batch: StoreBatch) {
    if (this.scheduler.now() < this.healthyFrom) {
      return throwError(() => Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }));
    }
    return super.write(batch);
  }
}

describe('persistResults', () => {
  it('logs a failing store once, counts it, drops beyond the buffer, and says when it recovers', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const { logger, records } = memoryLogger();
    const events: StoreMetricEvent[] = [];
    scheduler.run(() => {
      // Seven results, one a second, while the store refuses writes until 4.5 s; the buffer holds 3.
      const updates$ = timer(0, 1_000, scheduler).pipe(take(7), map((second) => update(second)));
      const store = new FlakyStore(scheduler, 4_500);
      persistResults({ updates$, store, spec, logger, recordStore: (event) => events.push(event), stop$: timer(10_000, scheduler), scheduler });
    });
    const messages = records().map((record) => record.msg);
    expect(messages.filter((msg) => msg === 'store write failed; results wait in the buffer')).toHaveLength(1);
    expect(records().find((record) => record.msg === 'store write failed; results wait in the buffer')).toMatchObject({ code: 'SQLITE_READONLY', level: 50 });
    expect(messages).toContain('store buffer full: dropping the oldest results');
    expect(messages).toContain('store write recovered');
    expect(events.filter((event) => event.kind === 'failed').length).toBeGreaterThanOrEqual(3);
    const dropped = events.filter((event) => event.kind === 'dropped').reduce((sum, event) => sum + (event.kind === 'dropped' ? event.count : 0), 0);
    const written = events.filter((event) => event.kind === 'written').reduce((sum, event) => sum + (event.kind === 'written' ? event.results : 0), 0);
    expect(dropped + written).toBe(7);
    expect(dropped).toBeGreaterThanOrEqual(1);
    expect(written).toBeGreaterThanOrEqual(3);
  });
});
