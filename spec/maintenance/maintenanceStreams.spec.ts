import { map, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { maintenanceStreams } from '../../src/maintenance/maintenanceStreams.js';
import type { MaintenanceSpec } from '../../src/config/types.js';

const everyMonitor: MaintenanceSpec = { kind: 'once', name: 'all', monitors: [], groups: [], startMs: 1_000, endMs: 5_000 };

describe('maintenanceStreams', () => {
  it('puts config windows and ad hoc ones together, and sees monitors a reload adds', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      let monitors = [{ name: 'api' }];
      const store = { maintenance: () => of([{ id: 'x', monitor: 'web', startMs: 0, endMs: 2_000, createdMs: 0 }]) };
      const stop = hot('   10s s');
      const streams = maintenanceStreams({ store, specs: [everyMonitor], monitors: () => monitors, stop$: stop, scheduler, pollEveryMs: 60_000 });
      // A reload at 2 s adds web (its ad hoc window is over by then; the global one is on).
      scheduler.schedule(() => {
        monitors = [{ name: 'api' }, { name: 'web' }];
        streams.reload([everyMonitor]);
      }, 2_000);
      const changes = streams.changes$.pipe(map(({ monitor, window }) => `${monitor}:${window ? window.window.name : '-'}`));
      expectObservable(changes).toBe('1s a 999ms b 2999ms (cd)', { a: 'api:all', b: 'web:all', c: 'api:-', d: 'web:-' });
      expectObservable(streams.windows$.pipe(map((windows) => windows.map((window) => `${window.source}:${window.name}`).join()))).toBe('(ab) 1996ms b 7999ms |', {
        a: 'config:all',
        b: 'config:all,adhoc:ad hoc',
      });
      expectSubscriptions(stop.subscriptions).toBe(['^ 9999ms !', '^ 9999ms !']);
    });
  });
});
