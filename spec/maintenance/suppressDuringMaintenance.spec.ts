import { TestScheduler } from 'rxjs/testing';
import type { MonitorState } from '../../src/operators/health.js';
import type { MaintenanceChange } from '../../src/maintenance/maintenanceStream.js';
import { dropDuringMaintenance } from '../../src/maintenance/dropDuringMaintenance.js';
import { suppressDuringMaintenance } from '../../src/maintenance/suppressDuringMaintenance.js';
import { fakeResult } from '../operators/fakeResult.js';
import { once } from './windows.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const state = (monitor: string, value: 'up' | 'down'): MonitorState => ({
  monitor,
  state: value,
  since: '2026-12-01T10:00:00.000Z',
  consecutive: 3,
  result: fakeResult({ monitor, ok: value === 'up' }),
});
const window = { window: once('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'), startMs: 0, endMs: 1 };
const changes: Record<string, MaintenanceChange> = {
  E: { monitor: 'api', window },
  L: { monitor: 'api' },
};
const states = { u: state('api', 'up'), d: state('api', 'down'), w: state('web', 'down') };

describe('suppressDuringMaintenance', () => {
  it('holds a down that comes in the window and lets it through when the window ends', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const windows = hot(' ---E--------L-----', changes);
      const input = cold('  -u----d-----------|', states);
      const inputSubs = '   ^-----------------!';
      const expected = '    -u----------d-----|';
      expectObservable(input.pipe(suppressDuringMaintenance(windows))).toBe(expected, states);
      expectSubscriptions(input.subscriptions).toBe(inputSubs);
      expectSubscriptions(windows.subscriptions).toBe(inputSubs);
    });
  });

  it('sends nothing for a monitor that went down and came back within the window', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const windows = hot(' ---E--------L---', changes);
      const input = cold('  -u----d--u------|', states);
      expectObservable(input.pipe(suppressDuringMaintenance(windows))).toBe('-u--------------|', states);
    });
  });

  it('leaves monitors outside the window alone', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const windows = hot(' ---E--------L---', changes);
      const input = cold('  -----w---d------|', states);
      expectObservable(input.pipe(suppressDuringMaintenance(windows))).toBe('-----w------d---|', states);
    });
  });

  it('lets the recovery through at the end when the monitor was down before the window', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const windows = hot(' ---E--------L---', changes);
      const input = cold('  -d-----u--------|', states);
      expectObservable(input.pipe(suppressDuringMaintenance(windows))).toBe('-d----------u---|', states);
    });
  });

  it('passes errors of the states through', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const windows = hot(' ---E---', changes);
      const input = cold('  -u---#', states);
      expectObservable(input.pipe(suppressDuringMaintenance(windows))).toBe('-u---#', states);
    });
  });
});

describe('dropDuringMaintenance', () => {
  it('drops the values of a monitor while it is in maintenance, and only those', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const windows = hot(' ---E-----L----', changes);
      const alerts = { r: { monitor: 'api', reminder: true }, w: { monitor: 'web', reminder: true } };
      const input = cold('  -r---r-w---r-|', alerts);
      const inputSubs = '   ^------------!';
      expectObservable(input.pipe(dropDuringMaintenance(windows))).toBe('-r-----w---r-|', alerts);
      expectSubscriptions(input.subscriptions).toBe(inputSubs);
      expectSubscriptions(windows.subscriptions).toBe(inputSubs);
    });
  });
});
