import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { healthSteps } from '../../src/operators/healthSteps.js';
import { at, fakeResult } from './fakeResult.js';

const defaults = { failureThreshold: 2, successThreshold: 2 };
const f = (second: number) => fakeResult({ ok: false, startedAt: at(second) });
const o = (second: number) => fakeResult({ ok: true, startedAt: at(second) });

describe('healthSteps', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('emits one step per result, the change on the result that decided it', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -a-b-c-d-|', { a: f(1), b: f(2), c: o(3), d: o(4) });
      const subs = '         ^--------!';
      const expected = '     -x-D-y-U-|';
      const steps$ = results.pipe(
        healthSteps({ defaults }),
        map((step) => (step.change ? step.change.state : `${step.track.state}:${step.track.streak}`)),
      );
      expectObservable(steps$).toBe(expected, { x: 'unknown:1', D: 'down', y: 'down:1', U: 'up' });
      expectSubscriptions(results.subscriptions).toBe(subs);
    });
  });

  it('carries the time the current state was decided', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const results = cold('ab-c|', { a: f(1), b: f(2), c: f(3) });
      expectObservable(results.pipe(healthSteps({ defaults }), map((step) => step.since ?? 'none'))).toBe('ab-c|', { a: 'none', b: at(2), c: at(2) });
    });
  });

  describe('when resuming a monitor that was down', () => {
    it('emits no second down, and comes up after successThreshold successes', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const resume = [{ monitor: 'api', track: { state: 'down' as const, streakOk: false, streak: 5 }, since: at(0), lastAt: at(0) }];
        const results = cold('-a-b-c-|', { a: f(1), b: o(2), c: o(3) });
        const steps$ = results.pipe(
          healthSteps({ defaults, resume }),
          map((step) => (step.change ? step.change.state : `${step.track.state}@${step.since}`)),
        );
        expectObservable(steps$).toBe('-x-y-U-|', { x: `down@${at(0)}`, y: `down@${at(0)}`, U: 'up' });
      });
    });
  });

  describe('when a monitor starts over while running (restart$: a cluster take-over)', () => {
    const down = { monitor: 'api', track: { state: 'down' as const, streakOk: false, streak: 3 }, since: at(0), lastAt: at(0) };

    it('continues from the snapshot: more failures keep it down, with no second change', () => {
      testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
        const restart = hot(' --r------', { r: { monitor: 'api', snapshot: down } });
        const results = cold('-a--b-c-|', { a: o(1), b: f(2), c: f(3) });
        const restartSubs = ' ^-------!';
        const steps$ = results.pipe(
          healthSteps({ defaults, restart$: restart }),
          map((step) => (step.change ? step.change.state : `${step.track.state}:${step.track.streak}`)),
        );
        expectObservable(steps$).toBe('-x--y-z-|', { x: 'unknown:1', y: 'down:4', z: 'down:5' });
        expectSubscriptions(restart.subscriptions).toBe(restartSubs);
      });
    });

    it('forgets the kept track when there is no snapshot (the monitor starts unknown)', () => {
      testScheduler.run(({ cold, hot, expectObservable }) => {
        const restart = hot('-----r--', { r: { monitor: 'api' } });
        const results = cold('-a-b---c|', { a: f(1), b: f(2), c: f(3) });
        const steps$ = results.pipe(
          healthSteps({ defaults, restart$: restart }),
          map((step) => (step.change ? step.change.state : `${step.track.state}:${step.track.streak}`)),
        );
        // Without the restart c would be a third failure of a down monitor; after it, c is the first.
        expectObservable(steps$).toBe('-x-D---y|', { x: 'unknown:1', D: 'down', y: 'unknown:1' });
      });
    });
  });
});
