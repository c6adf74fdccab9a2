import { of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { adHocWindow, adHocWindows$ } from '../../src/maintenance/adHocWindows.js';
import type { AdHocWindow } from '../../src/storage/store.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const row: AdHocWindow = { id: 'w1', monitor: 'api', startMs: 0, endMs: 600_000, reason: 'deploy', createdMs: 0 };

describe('adHocWindows$', () => {
  it('reads at once and every period, emits only changes, and reads at once on a refresh', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      // The store holds the window from 7 s on; a refresh at 8 s sees it before the 10 s poll.
      const reads: number[] = [];
      const store = { maintenance: (nowMs: number) => (reads.push(nowMs), of(nowMs >= 7_000 ? [row] : [])) };
      const refresh = hot('   8s r', { r: undefined });
      const unsub = '         ^ 12s !';
      const expected = '      a 7999ms b';
      expectObservable(adHocWindows$({ store, everyMs: 5_000, refresh$: refresh, scheduler }), unsub).toBe(expected, { a: [], b: [adHocWindow(row)] });
      expectSubscriptions(refresh.subscriptions).toBe(unsub);
      scheduler.flush();
      expect(reads).toEqual([0, 5_000, 8_000, 10_000]);
    });
  });

  it('reports a failed read and keeps polling', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const errors: unknown[] = [];
      let calls = 0;
      const store = { maintenance: () => (++calls === 1 ? throwError(() => new Error('store away')) : of([row])) };
      expectObservable(adHocWindows$({ store, everyMs: 5_000, scheduler, onError: (error) => errors.push(error) }), '^ 6s !').toBe('5s b', { b: [adHocWindow(row)] });
      scheduler.flush();
      expect(errors).toEqual([new Error('store away')]);
    });
  });

  it('makes a one-off window of the monitor or group, named "ad hoc", with the reason', () => {
    expect(adHocWindow({ id: 'g', group: 'payments', startMs: 1, endMs: 2, createdMs: 0 })).toEqual({
      kind: 'once',
      source: 'adhoc',
      id: 'g',
      name: 'ad hoc',
      monitors: [],
      groups: ['payments'],
      startMs: 1,
      endMs: 2,
    });
  });
});
