import { TestScheduler } from 'rxjs/testing';
import { markMaintenance } from '../../src/maintenance/markMaintenance.js';
import { fakeResult } from '../operators/fakeResult.js';
import { HOUR, once, recurring } from './windows.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const monitors = new Map([
  ['api', { name: 'api', group: 'payments' }],
  ['web', { name: 'web' }],
]);

describe('markMaintenance', () => {
  it('marks results that started inside a window of their monitor, by startedAt', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const nightly = recurring('0 23 * * *', 2 * HOUR, 'Europe/Berlin', { groups: ['payments'] });
      const windows = hot('w-------', { w: [nightly] });
      const v = {
        a: fakeResult({ ok: true, startedAt: '2026-03-10T21:59:59.999Z' }),
        b: fakeResult({ ok: false, startedAt: '2026-03-10T22:00:00.000Z' }),
        c: fakeResult({ ok: false, startedAt: '2026-03-10T23:59:00.000Z' }),
        d: fakeResult({ ok: true, startedAt: '2026-03-11T00:00:00.000Z' }),
        e: fakeResult({ ok: false, monitor: 'web', startedAt: '2026-03-10T23:00:00.000Z' }),
      };
      const results = cold(' -a-b-c-d-e-|', v);
      const subs = '         ^----------!';
      expectObservable(results.pipe(markMaintenance(windows, (name) => monitors.get(name)))).toBe('-a-B-C-d-e-|', {
        ...v,
        B: { ...v.b, maintenance: true },
        C: { ...v.c, maintenance: true },
      });
      expectSubscriptions(results.subscriptions).toBe(subs);
      expectSubscriptions(windows.subscriptions).toBe(subs);
    });
  });

  it('sees a new window list from its first value on', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const deploy = once('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', { monitors: ['api'], source: 'adhoc', id: 'x' });
      const windows = hot('---w---', { w: [deploy] });
      const r = fakeResult({ ok: true, startedAt: '2026-12-01T10:30:00.000Z' });
      expectObservable(cold('-r---r-|', { r }).pipe(markMaintenance(windows, (name) => monitors.get(name)))).toBe('-r---R-|', {
        r,
        R: { ...r, maintenance: true },
      });
    });
  });
});
