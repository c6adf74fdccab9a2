import { TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import type { MonitorState } from '../../src/operators/health.js';
import { restartableHealth } from '../../src/statusPage/restartableHealth.js';
import { makeResult } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const failed = (monitor: string, n: number): CheckResult =>
  makeResult({ monitor, ok: false, status: 503, startedAt: `2026-01-01T00:00:0${n}.000Z`, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } });
const okResult = (monitor: string, n: number): CheckResult => makeResult({ monitor, startedAt: `2026-01-01T00:00:0${n}.000Z` });

function change(result: CheckResult, state: 'up' | 'down', consecutive: number): MonitorState {
  return { monitor: result.monitor, state, since: result.startedAt, result, consecutive };
}

describe('restartableHealth', () => {
  it('decides each monitor with its own thresholds', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const v = { a: failed('strict', 1), b: okResult('lenient', 2), c: failed('strict', 3) };
      const thresholds = { strict: { failureThreshold: 1, successThreshold: 1 }, lenient: { failureThreshold: 3, successThreshold: 1 } };
      const results = cold(' -a-b-c-|', v);
      const resultsSubs = '  ^------!';
      const expected = '     -A-B---|';

      const restarts$ = cold<string>('-');
      expectObservable(results.pipe(restartableHealth({ thresholdsFor: (name) => thresholds[name as keyof typeof thresholds], restarts$ }))).toBe(expected, {
        A: change(v.a, 'down', 1),
        B: change(v.b, 'up', 1),
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('forgets a restarted monitor: it must reach a threshold again, and is decided again', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const v = { a: failed('api', 1), b: failed('api', 2), c: failed('api', 3), d: failed('api', 4), e: failed('api', 5) };
      const results = cold(' -a-b---c-d-e-|', v);
      const resultsSubs = '  ^------------!';
      const restarts = hot(' -----r--------', { r: 'api' });
      const expected = '     ---A-----D---|';

      const thresholdsFor = () => ({ failureThreshold: 2, successThreshold: 2 });
      expectObservable(results.pipe(restartableHealth({ thresholdsFor, restarts$: restarts }))).toBe(expected, {
        A: change(v.b, 'down', 2),
        D: change(v.d, 'down', 2),
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('leaves other monitors alone on a restart', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const v = { a: failed('api', 1), b: failed('web', 2), c: failed('api', 3), d: failed('web', 4) };
      const results = cold(' -a-b-c-d-|', v);
      const resultsSubs = '  ^--------!';
      const restarts = hot(' ----r-----', { r: 'api' });
      const expected = '     -------D-|';

      const thresholdsFor = () => ({ failureThreshold: 2, successThreshold: 2 });
      expectObservable(results.pipe(restartableHealth({ thresholdsFor, restarts$: restarts }))).toBe(expected, { D: change(v.d, 'down', 2) });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });
});
