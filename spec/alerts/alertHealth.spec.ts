import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { alertHealth } from '../../src/alerts/alertHealth.js';
import { alertEvents } from '../../src/alerts/alertEvents.js';
import { at, fakeResult } from '../operators/fakeResult.js';

const f = (second: number, monitor = 'api') => fakeResult({ monitor, ok: false, startedAt: at(second) });
const o = (second: number, monitor = 'api') => fakeResult({ monitor, ok: true, startedAt: at(second) });
const monitorThresholds = { failureThreshold: 3, successThreshold: 2 };

describe('alertHealth', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  describe('when the alert sets a lower failure_threshold than the monitor', () => {
    it('sees the monitor down at the first failure, and up after the monitor success_threshold', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const results = cold('-a-b-c-d-e-|', { a: f(1), b: f(2), c: f(3), d: o(4), e: o(5) });
        const subs = '        ^----------!';
        const expected = '    -D-------U-|';
        const states$ = results.pipe(alertHealth({ failureThreshold: 1, thresholdsFor: () => monitorThresholds }), map((change) => change.state));
        expectObservable(states$).toBe(expected, { D: 'down', U: 'up' });
        expectSubscriptions(results.subscriptions).toBe(subs);
      });
    });
  });

  describe('when the alert sets a higher failure_threshold than the monitor', () => {
    it('sees no down for a short outage that the monitor itself would call down', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const results = cold('-a-b-c-d-e-|', { a: f(1), b: f(2), c: f(3), d: o(4), e: o(5) });
        const subs = '        ^----------!';
        // Never down for this alert: the first state it decides is up (which alertEvents never sends).
        const states$ = results.pipe(alertHealth({ failureThreshold: 5, thresholdsFor: () => monitorThresholds }), map((change) => change.state));
        expectObservable(states$).toBe('---------U-|', { U: 'up' });
        expectSubscriptions(results.subscriptions).toBe(subs);
      });
    });

    it('sees it down at the alert threshold, with the consecutive failures counted', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const results = cold('abcde|', { a: f(1), b: f(2), c: f(3), d: f(4), e: f(5) });
        const states$ = results.pipe(alertHealth({ failureThreshold: 5, thresholdsFor: () => monitorThresholds }), map((change) => `${change.state}:${change.consecutive}`));
        expectObservable(states$).toBe('----x|', { x: 'down:5' });
      });
    });
  });

  it('keeps each monitor apart', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const results = cold('-a-b-c-|', { a: f(1, 'api'), b: f(2, 'web'), c: f(3, 'api') });
      const states$ = results.pipe(alertHealth({ failureThreshold: 2 }), map((change) => `${change.monitor}:${change.state}`));
      expectObservable(states$).toBe('-----x-|', { x: 'api:down' });
    });
  });

  it('feeds alertEvents like health() does: one down alert and, with send_on_resolved, the resolved one', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const results = cold('-a-b-c-d-|', { a: f(1), b: f(2), c: o(3), d: o(4) });
      const events$ = results.pipe(
        alertHealth({ failureThreshold: 2, thresholdsFor: () => monitorThresholds }),
        alertEvents({ sendOnResolved: true }, testScheduler),
        map((event) => event.state),
      );
      expectObservable(events$).toBe('---D---U-|', { D: 'down', U: 'up' });
    });
  });

  describe('when resuming a monitor that was down', () => {
    it('emits no second down', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const resume = [{ monitor: 'api', track: { state: 'down' as const, streakOk: false, streak: 4 }, since: at(0), lastAt: at(0) }];
        const results = cold('-a-b-c-|', { a: f(1), b: o(2), c: o(3) });
        const states$ = results.pipe(alertHealth({ failureThreshold: 1, resume }), map((change) => change.state));
        expectObservable(states$).toBe('-----U-|', { U: 'up' });
      });
    });
  });
});
