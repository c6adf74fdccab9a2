import { TestScheduler } from 'rxjs/testing';
import { type StatusStep, statusSteps } from '../../src/statusPage/statusSteps.js';
import { makeResult } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('statusSteps', () => {
  it('passes every result through, each state change just before the result that caused it', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = { code: 'ECONNREFUSED', message: 'refused' };
      const v = {
        a: makeResult({ ok: false, status: undefined, error, startedAt: '2026-01-01T00:00:01.000Z' }),
        b: makeResult({ ok: false, status: undefined, error, startedAt: '2026-01-01T00:00:02.000Z' }),
        c: makeResult({ startedAt: '2026-01-01T00:00:03.000Z' }),
      };
      const results = cold(' -a-b----c-|', v);
      const resultsSubs = '  ^---------!';
      const expected = '     -a-(Db)-c-|';

      const thresholdsFor = () => ({ failureThreshold: 2, successThreshold: 2 });
      const restarts$ = cold<string>('-');
      const r = (key: 'a' | 'b' | 'c'): StatusStep => ({ kind: 'result', result: v[key] });
      expectObservable(results.pipe(statusSteps({ thresholdsFor, restarts$ }))).toBe(expected, {
        a: r('a'),
        b: r('b'),
        D: { kind: 'state', change: { monitor: 'test', state: 'down', since: v.b.startedAt, result: v.b, consecutive: 2 } },
        c: r('c'),
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });
});
