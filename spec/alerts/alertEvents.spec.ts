import { TestScheduler } from 'rxjs/testing';
import { type AlertEvent, alertEvents } from '../../src/alerts/alertEvents.js';
import type { MonitorState } from '../../src/operators/health.js';
import { at, fakeResult } from '../operators/fakeResult.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function stateOf(monitor: string, state: 'up' | 'down', second: number): MonitorState {
  const result = fakeResult({ monitor, ok: state === 'up', startedAt: at(second) });
  return { monitor, state, since: result.startedAt, result, consecutive: state === 'up' ? 2 : 3 };
}

function eventOf(state: MonitorState, reminder = false): AlertEvent {
  return { monitor: state.monitor, state: state.state, reminder, since: state.since, result: state.result };
}

const d = stateOf('api', 'down', 1);
const u = stateOf('api', 'up', 2);
const e = stateOf('api', 'down', 3);

describe('alertEvents', () => {
  describe('with reminders every 4 ms and sendOnResolved', () => {
    it('sends down, reminders while down, then up', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' -d--------u---|', { d, u });
        const statesSubs = '  ^-------------!';
        const expected = '    -D---R---RU---|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 4 }, scheduler))).toBe(expected, {
          D: eventOf(d),
          R: eventOf(d, true),
          U: eventOf(u),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('cancels the reminders when the monitor comes up, and starts afresh on the next incident', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' -d--u--e------|', { d, u, e });
        const statesSubs = '  ^-------------!';
        const expected = '    -D--U--E---R--|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 4 }, scheduler))).toBe(expected, {
          D: eventOf(d),
          U: eventOf(u),
          E: eventOf(e),
          R: eventOf(e, true),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('keeps reminders per monitor: one coming up does not cancel another', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = stateOf('a', 'down', 1);
        const b = stateOf('b', 'down', 2);
        const c = stateOf('a', 'up', 3);
        const states = cold(' ab-c--------|', { a, b, c });
        const statesSubs = '  ^-----------!';
        const expected = '    ab-c-x---x--|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 4 }, scheduler))).toBe(expected, {
          a: eventOf(a),
          b: eventOf(b),
          c: eventOf(c),
          x: eventOf(b, true),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('stops the reminders and completes when the states complete', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' -d-------|', { d });
        const statesSubs = '  ^--------!';
        const expected = '    -D---R---|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 4 }, scheduler))).toBe(expected, {
          D: eventOf(d),
          R: eventOf(d, true),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('stops the reminders when unsubscribed', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const states = hot('  -d-----------', { d });
        const statesSubs = '  ^------!     ';
        const expected = '    -D---R--     ';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 4 }, scheduler)), statesSubs).toBe(
          expected,
          { D: eventOf(d), R: eventOf(d, true) },
        );
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });
  });

  describe('without reminders', () => {
    it('sends at most one down alert per incident, and no up without sendOnResolved', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' -d-d------u--e-|', { d, u, e });
        const statesSubs = '  ^--------------!';
        const expected = '    -D-----------E-|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: false }, scheduler))).toBe(expected, {
          D: eventOf(d),
          E: eventOf(e),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('never sends up for a monitor that was not down', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' -u-u-d-u-|', { u, d });
        const statesSubs = '  ^--------!';
        const expected = '    -----D-U-|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true }, scheduler))).toBe(expected, {
          D: eventOf(d),
          U: eventOf(u),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('treats a reminderEvery of 0 as never', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' -d----|', { d });
        const statesSubs = '  ^-----!';
        const expected = '    -D----|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 0 }, scheduler))).toBe(expected, {
          D: eventOf(d),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });
  });

  it('passes an error of the states through and stops the reminders', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const states = cold(' -d---#', { d });
      const statesSubs = '  ^----!';
      const expected = '    -D-R-#';

      expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 2 }, scheduler))).toBe(expected, {
        D: eventOf(d),
        R: eventOf(d, true),
      });
      expectSubscriptions(states.subscriptions).toBe(statesSubs);
    });
  });

  describe('after a restart (resume)', () => {
    it('sends no second down for a monitor that was down, only its reminders, and resolves it once', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const states = cold(' ------u---|', { u });
        const statesSubs = '  ^---------!';
        const expected = '    ----R-U---|';

        expectObservable(states.pipe(alertEvents({ sendOnResolved: true, reminderEvery: 4 }, scheduler, { resume: [d] }))).toBe(expected, {
          R: eventOf(d, true),
          U: eventOf(u),
        });
        expectSubscriptions(states.subscriptions).toBe(statesSubs);
      });
    });

    it('alerts as usual for a monitor that was up and then goes down', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable }) => {
        const states = cold(' --e-|', { e });
        expectObservable(states.pipe(alertEvents({ sendOnResolved: true }, scheduler, { resume: [u] }))).toBe('--E-|', { E: eventOf(e) });
      });
    });
  });
});
