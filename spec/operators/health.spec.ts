import { TestScheduler } from 'rxjs/testing';
import { health, type MonitorState } from '../../src/operators/health.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import { at, fakeResult } from './fakeResult.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function change(result: CheckResult, state: 'up' | 'down', consecutive: number): MonitorState {
  return { monitor: result.monitor, state, since: result.startedAt, result, consecutive };
}

describe('health', () => {
  describe('with the default thresholds (3 failures, 2 successes)', () => {
    it('emits down after three failures and up after two successes, only on a change', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const v = {
          a: fakeResult({ ok: false, startedAt: at(1) }),
          b: fakeResult({ ok: false, startedAt: at(2) }),
          c: fakeResult({ ok: false, startedAt: at(3) }),
          d: fakeResult({ ok: false, startedAt: at(4) }),
          e: fakeResult({ ok: true, startedAt: at(5) }),
          f: fakeResult({ ok: true, startedAt: at(6) }),
          g: fakeResult({ ok: false, startedAt: at(7) }),
          h: fakeResult({ ok: true, startedAt: at(8) }),
          i: fakeResult({ ok: true, startedAt: at(9) }),
        };
        const results = cold(' -a-b-c-d-e-f-g-h-i-|', v);
        const resultsSubs = '  ^------------------!';
        const expected = '     -----D-----U-------|';

        expectObservable(results.pipe(health())).toBe(expected, {
          D: change(v.c, 'down', 3),
          U: change(v.f, 'up', 2),
        });
        expectSubscriptions(results.subscriptions).toBe(resultsSubs);
      });
    });

    it('starts unknown: two successes make it up without a down before', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const v = {
          f: fakeResult({ ok: false, startedAt: at(1) }),
          o: fakeResult({ ok: true, startedAt: at(2) }),
          p: fakeResult({ ok: true, startedAt: at(3) }),
        };
        const results = cold(' -f-f-o-p-|', v);
        const resultsSubs = '  ^--------!';
        const expected = '     -------U-|';

        expectObservable(results.pipe(health())).toBe(expected, { U: change(v.p, 'up', 2) });
        expectSubscriptions(results.subscriptions).toBe(resultsSubs);
      });
    });

    it('ignores flapping that never reaches a threshold', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const v = { f: fakeResult({ ok: false }), o: fakeResult({ ok: true }) };
        const results = cold(' -f-f-o-f-f-o-f-|', v);
        const resultsSubs = '  ^--------------!';
        const expected = '     ---------------|';

        expectObservable(results.pipe(health())).toBe(expected);
        expectSubscriptions(results.subscriptions).toBe(resultsSubs);
      });
    });
  });

  describe('with several monitors', () => {
    it('keeps one state per monitor name', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const v = {
          a: fakeResult({ monitor: 'a', ok: false, startedAt: at(1) }),
          b: fakeResult({ monitor: 'b', ok: true, startedAt: at(2) }),
          c: fakeResult({ monitor: 'a', ok: false, startedAt: at(3) }),
          d: fakeResult({ monitor: 'b', ok: true, startedAt: at(4) }),
          e: fakeResult({ monitor: 'a', ok: false, startedAt: at(5) }),
        };
        const results = cold(' -a-b-c-d-e-|', v);
        const resultsSubs = '  ^----------!';
        const expected = '     -------U-D-|';

        expectObservable(results.pipe(health())).toBe(expected, {
          U: change(v.d, 'up', 2),
          D: change(v.e, 'down', 3),
        });
        expectSubscriptions(results.subscriptions).toBe(resultsSubs);
      });
    });

    it('uses per-monitor thresholds from thresholdsFor, the defaults otherwise', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const v = {
          x: fakeResult({ monitor: 'strict', ok: false, startedAt: at(1) }),
          y: fakeResult({ monitor: 'lenient', ok: false, startedAt: at(2) }),
        };
        const thresholdsFor = (name: string) =>
          name === 'strict' ? { failureThreshold: 1, successThreshold: 1 } : undefined;
        const results = cold(' -x-y-y-y-|', v);
        const resultsSubs = '  ^--------!';
        const expected = '     -S-----L-|';

        expectObservable(results.pipe(health({ failureThreshold: 3, thresholdsFor }))).toBe(expected, {
          S: change(v.x, 'down', 1),
          L: change(v.y, 'down', 3),
        });
        expectSubscriptions(results.subscriptions).toBe(resultsSubs);
      });
    });
  });

  it('gives each subscription its own states', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const f = fakeResult({ ok: false });
      const results = hot('  -f-f-f-f-f-f-f-|', { f });
      const firstSubs = '    ^--------------!';
      const secondSubs = '   ------^--------!';
      const lateStart = '    ------^         ';
      const early = '        -----D---------|';
      const late = '         -----------D---|';
      const states$ = results.pipe(health());

      expectObservable(states$).toBe(early, { D: change(f, 'down', 3) });
      expectObservable(states$, lateStart).toBe(late, { D: change(f, 'down', 3) });
      expectSubscriptions(results.subscriptions).toBe([firstSubs, secondSubs]);
    });
  });

  it('passes an error through and unsubscribes when its subscriber does', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const f = fakeResult({ ok: false });
      const failing = cold(' -f-f-#', { f });
      const failingSubs = '  ^----!';
      expectObservable(failing.pipe(health({ failureThreshold: 2 }))).toBe('---D-#', { D: change(f, 'down', 2) });
      expectSubscriptions(failing.subscriptions).toBe(failingSubs);

      const endless = hot('  -f-f-f-f-', { f });
      const endlessSubs = ' ^----!   ';
      const expected = '    ---D--   ';
      expectObservable(endless.pipe(health({ failureThreshold: 2 })), endlessSubs).toBe(expected, {
        D: change(f, 'down', 2),
      });
      expectSubscriptions(endless.subscriptions).toBe(endlessSubs);
    });
  });
});
