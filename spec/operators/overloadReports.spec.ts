import { TestScheduler } from 'rxjs/testing';
import { overloadMessage } from '../../src/logging/logOverload.js';
import { overloadReports } from '../../src/operators/overloadReports.js';
import { makeResult } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('overloadReports', () => {
  it('reports each window with missed ticks, and says nothing while the schedule keeps up', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const results$ = hot('-a-b-m----c----a---|', {
        a: makeResult({ scheduleLagMs: 1 }),
        b: makeResult({ scheduleLagMs: 3 }),
        m: makeResult({ scheduleLagMs: 40, missedTicks: 2 }),
        c: makeResult({ scheduleLagMs: 900, missedTicks: 5 }),
      });
      expectObservable(results$.pipe(overloadReports(5, scheduler))).toBe('-----x----y--------|', {
        x: { missedTicks: 2, checks: 3, maxLagMs: 40, windowMs: 5 },
        y: { missedTicks: 5, checks: 1, maxLagMs: 900, windowMs: 5 },
      });
      expectSubscriptions(results$.subscriptions).toBe('^------------------!');
    });
  });

  it('says it in one line, with what to do', () => {
    expect(overloadMessage({ missedTicks: 1234, checks: 2100, maxLagMs: 850.4, windowMs: 10_000 })).toBe(
      'schedule overloaded: 1,234 ticks missed in the last 10 s (2,100 checks ran, lag up to 850 ms); add workers or max_concurrent_checks, or check less often',
    );
  });
});
