import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { activeWindows$ } from '../../src/maintenance/activeWindows.js';
import { maintenance$ } from '../../src/maintenance/maintenanceStream.js';
import { HOUR, once, recurring } from './windows.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Enter (`E`, with the occurrence's span in ISO) or leave (`L`). */
const edge = (change: { window?: { startMs: number; endMs: number } }) =>
  change.window ? `E ${new Date(change.window.startMs).toISOString()}–${new Date(change.window.endMs).toISOString()}` : 'L';

describe('maintenance$ (virtual time, wall clock = epoch + frames)', () => {
  it('enters at 23:00 and leaves at 01:00 local, across midnight, each night', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-03-10T21:00:00Z'); // 22:00 CET
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const windows = cold('a', { a: [recurring('0 23 * * *', 2 * HOUR)] });
      const stream = maintenance$({ name: 'api' }, windows, { scheduler, now: () => epoch + scheduler.now() }).pipe(map(edge));
      const unsub = '      ^ 1700m !';
      const expected = '   60m E 119m 59s 999ms L 1319m 59s 999ms F 119m 59s 999ms M';
      expectObservable(stream, unsub).toBe(expected, {
        E: 'E 2026-03-10T22:00:00.000Z–2026-03-11T00:00:00.000Z',
        L: 'L',
        F: 'E 2026-03-11T22:00:00.000Z–2026-03-12T00:00:00.000Z',
        M: 'L',
      });
      expectSubscriptions(windows.subscriptions).toBe(unsub);
    });
  });

  it('on the spring-forward night, a daily 02:30 + 1 h window runs from 03:00 to 04:00 CEST', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-03-28T23:00:00Z'); // 00:00 CET, Sunday 29 March
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const windows = cold('a', { a: [recurring('30 2 * * *', HOUR)] });
      const stream = maintenance$({ name: 'api' }, windows, { scheduler, now: () => epoch + scheduler.now() }).pipe(map(edge));
      const unsub = '      ^ 240m !';
      const expected = '   120m E 59m 59s 999ms L';
      expectObservable(stream, unsub).toBe(expected, { E: 'E 2026-03-29T01:00:00.000Z–2026-03-29T02:00:00.000Z', L: 'L' });
      expectSubscriptions(windows.subscriptions).toBe(unsub);
    });
  });

  it('on the fall-back night, a daily 02:30 + 1 h window runs once, from the first 02:30 (CEST)', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-10-25T00:00:00Z'); // 02:00 CEST, Sunday 25 October
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const windows = cold('a', { a: [recurring('30 2 * * *', HOUR)] });
      const stream = maintenance$({ name: 'api' }, windows, { scheduler, now: () => epoch + scheduler.now() }).pipe(map(edge));
      // The second 02:30 (CET) is 01:30Z = 90 m: no second window then; the next is 02:30 CET on the 26th (25 h 30 m).
      const unsub = '      ^ 1529m !';
      const expected = '   30m E 59m 59s 999ms L';
      expectObservable(stream, unsub).toBe(expected, { E: 'E 2026-10-25T00:30:00.000Z–2026-10-25T01:30:00.000Z', L: 'L' });
      expectSubscriptions(windows.subscriptions).toBe(unsub);
    });
  });

  it('on the spring-forward night, 23:00 + 2 h windows are 22:00Z–00:00Z (CET) then 21:00Z–23:00Z (CEST)', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-03-28T21:00:00Z');
    scheduler.run(({ cold, expectObservable }) => {
      const windows = cold('a', { a: [recurring('0 23 * * *', 2 * HOUR)] });
      const stream = maintenance$({ name: 'api' }, windows, { scheduler, now: () => epoch + scheduler.now() }).pipe(map(edge));
      // 60 m: 22:00Z; 180 m: 00:00Z; the next night starts 23 h after the first (at 1440 m): a day of 23 h.
      const expected = '   60m E 119m 59s 999ms L 1259m 59s 999ms F 119m 59s 999ms M';
      expectObservable(stream, '^ 1600m !').toBe(expected, {
        E: 'E 2026-03-28T22:00:00.000Z–2026-03-29T00:00:00.000Z',
        L: 'L',
        F: 'E 2026-03-29T21:00:00.000Z–2026-03-29T23:00:00.000Z',
        M: 'L',
      });
    });
  });

  it('only for the monitors and groups a window names', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-12-01T10:00:00Z');
    scheduler.run(({ cold, expectObservable }) => {
      const deploy = once('2026-12-01T10:10:00Z', '2026-12-01T10:20:00Z', { groups: ['payments'] });
      const windows = cold('a', { a: [deploy] });
      const options = { scheduler, now: () => epoch + scheduler.now() };
      expectObservable(maintenance$({ name: 'api', group: 'payments' }, windows, options).pipe(map(edge)), '^ 30m !').toBe('10m E 9m 59s 999ms L', {
        E: 'E 2026-12-01T10:10:00.000Z–2026-12-01T10:20:00.000Z',
        L: 'L',
      });
      expectObservable(maintenance$({ name: 'web', group: 'site' }, windows, options).pipe(map(edge)), '^ 30m !').toBe('');
    });
  });

  it('follows a new window list at once (an ad hoc window added, then stopped)', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-12-01T10:00:00Z');
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const adHoc = once('2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z', { monitors: ['api'], source: 'adhoc', id: 'x' });
      const windows = hot('a 5m b 5m c', { a: [], b: [adHoc], c: [] });
      const unsub = '      ^ 20m !';
      const stream = maintenance$({ name: 'api' }, windows, { scheduler, now: () => epoch + scheduler.now() }).pipe(map(edge));
      expectObservable(stream, unsub).toBe('- 5m E 5m L', { E: 'E 2026-12-01T09:00:00.000Z–2026-12-01T12:00:00.000Z', L: 'L' });
      expectSubscriptions(windows.subscriptions).toBe(unsub);
    });
  });
});

describe('activeWindows$', () => {
  it('waits for a change far away in steps of the longest timer', () => {
    const scheduler = newScheduler();
    const epoch = Date.parse('2026-01-01T00:00:00Z');
    scheduler.run(({ cold, expectObservable }) => {
      const later = once('2026-03-01T00:00:00Z', '2026-03-01T01:00:00Z');
      const names = activeWindows$(cold('a', { a: [later] }), { scheduler, now: () => epoch + scheduler.now() }).pipe(map((active) => active.map(({ window }) => window.name).join(',') || '-'));
      // 59 days = 84,960 m; the 24.8-day timer limit is passed twice on the way without a value.
      expectObservable(names, '^ 84961m !').toBe('e 84959m 59s 999ms d', { e: '-', d: 'deploy' });
    });
  });
});
