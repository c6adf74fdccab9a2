import { type Observable, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import type { HealthUpdate } from '../../src/operators/healthSteps.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import type { Store, StoreBatch } from '../../src/storage/store.js';
import { type StoreWriteEvent, storeWrites } from '../../src/storage/storeWrites.js';
import { at, fakeResult } from '../operators/fakeResult.js';

function update(second: number, monitor = 'api', ok = true): HealthUpdate {
  return { result: fakeResult({ ok, monitor, startedAt: at(second) }), track: { state: 'up', streakOk: ok, streak: 1 } };
}

/** A store whose writes follow the given cold marbles in turn (the last one repeats), recording each batch. */
function scriptedStore(writes: Array<() => Observable<void>>): Store & { batches: StoreBatch[] } {
  const memory = new MemoryStore();
  const batches: StoreBatch[] = [];
  let index = 0;
  return Object.assign(memory, {
    batches,
    write(batch: StoreBatch) {
      batches.push(batch);
      const next = writes[Math.min(index, writes.length - 1)];
      index += 1;
      return next();
    },
  });
}

function kinds(events: StoreWriteEvent): string {
  return events.kind === 'written' ? `w${events.results}` : events.kind === 'failed' ? 'f' : events.kind === 'dropped' ? 'd' : `u${events.results}`;
}

describe('storeWrites', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  describe('when the store takes every write', () => {
    it('writes what came in, once per flush period, and the rest at completion', () => {
      testScheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const store = new MemoryStore();
        const updates = hot('  -a-b-----c-|', { a: update(1), b: update(2), c: update(3) });
        const subs = '         ^----------!';
        const expected = '     ----x------(z|)';
        const output$ = updates.pipe(storeWrites({ store, flushEvery: 4, bufferSize: 10, scheduler: testScheduler }), map(kinds));
        expectObservable(output$).toBe(expected, { x: 'w2', z: 'w1' });
        expectSubscriptions(updates.subscriptions).toBe(subs);
      });
    });

    it('stores the results, the changes and the last health of each monitor', async () => {
      const store = new MemoryStore();
      testScheduler.run(({ cold, expectObservable }) => {
        const change = { ...update(2), change: { monitor: 'api', state: 'down' as const, since: at(2), result: fakeResult({ ok: false, startedAt: at(2) }), consecutive: 1 } };
        const output$ = cold('ab|', { a: update(1), b: change }).pipe(storeWrites({ store, flushEvery: 10, bufferSize: 10, scheduler: testScheduler }), map(kinds));
        expectObservable(output$).toBe('--(w|)', { w: 'w2' });
      });
      expect((await store.results({ order: 'asc' })).results.map((result: CheckResult) => result.startedAt)).toEqual([at(1), at(2)]);
      expect(await store.changes({})).toHaveLength(1);
      expect(await store.resume()).toEqual([{ monitor: 'api', track: { state: 'up', streakOk: true, streak: 1 }, lastAt: at(2) }]);
    });
  });

  describe('when a write fails', () => {
    it('keeps the batch and writes it, with what came since, at the next flush', () => {
      testScheduler.run(({ hot, cold, expectObservable }) => {
        const store = scriptedStore([() => cold('#'), () => cold('-|')]);
        const updates = hot('-a--b------|', { a: update(1), b: update(2) });
        // The first write fails at once; the second (at 4, with b) takes one frame.
        const expected = '   --f--w-----|';
        const output$ = updates.pipe(storeWrites({ store, flushEvery: 2, bufferSize: 10, scheduler: testScheduler }), map(kinds));
        expectObservable(output$).toBe(expected, { f: 'f', w: 'w2' });
        testScheduler.flush();
        expect(store.batches.map((batch) => batch.results.length)).toEqual([1, 2]);
      });
    });
  });

  describe('when the store stays away', () => {
    it('drops the oldest beyond the bound, says so, and writes the newest when it returns', () => {
      const store = scriptedStore([() => testScheduler.createColdObservable('#'), () => testScheduler.createColdObservable('#'), () => testScheduler.createColdObservable('|')]);
      testScheduler.run(({ hot, expectObservable }) => {
        const updates = hot('-abc-d|', { a: update(1), b: update(2), c: update(3), d: update(4) });
        const expected = '   --fdfd(w|)';
        const output$ = updates.pipe(storeWrites({ store, flushEvery: 2, bufferSize: 2, scheduler: testScheduler }), map(kinds));
        expectObservable(output$).toBe(expected, { f: 'f', d: 'd', w: 'w2' });
      });
      expect(store.batches.at(-1)?.results.map((result) => result.startedAt)).toEqual([at(3), at(4)]);
    });

    it('ends at completion with what it could not write', () => {
      testScheduler.run(({ hot, cold, expectObservable }) => {
        const store = scriptedStore([() => cold('#')]);
        const updates = hot('-ab|', { a: update(1), b: update(2) });
        const output$ = updates.pipe(storeWrites({ store, flushEvery: 10, bufferSize: 10, scheduler: testScheduler }), map(kinds));
        expectObservable(output$).toBe('---(fu|)', { f: 'f', u: 'u2' });
      });
    });
  });
});
