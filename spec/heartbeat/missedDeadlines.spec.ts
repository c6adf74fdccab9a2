import type { SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { missedDeadlines } from '../../src/heartbeat/missedDeadlines.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('missedDeadlines', () => {
  describe('when nothing reports in', () => {
    it('emits the first deadline, then one miss every expect_every', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const reports = hot('  ---------------');
        const reportsSubs = '  ^--------------!';
        const expected = '     -----a---b---c-';
        expectObservable(reports.pipe(missedDeadlines({ firstDueIn: 5, window: 6, every: 4, scheduler })), reportsSubs).toBe(expected, { a: 5, b: 9, c: 13 });
        expectSubscriptions(reports.subscriptions).toBe(reportsSubs);
      });
    });

    it('misses at once when the first deadline passed already (a restart after a long stop)', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const reports = hot('  --------');
        const reportsSubs = '  ^-------!';
        const expected = '     a---b---';
        expectObservable(reports.pipe(missedDeadlines({ firstDueIn: 0, window: 6, every: 4, scheduler })), reportsSubs).toBe(expected, { a: 0, b: 4 });
        expectSubscriptions(reports.subscriptions).toBe(reportsSubs);
      });
    });
  });

  describe('when reports come', () => {
    it('switches each report to a fresh deadline of expect_every + grace', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const reports = hot('  ---r-----------r------');
        const reportsSubs = '  ^---------------------!';
        const expected = '     ---------a---b-------c';
        expectObservable(reports.pipe(missedDeadlines({ firstDueIn: 5, window: 6, every: 4, scheduler })), reportsSubs).toBe(expected, { a: 9, b: 13, c: 21 });
        expectSubscriptions(reports.subscriptions).toBe(reportsSubs);
      });
    });

    it('emits nothing while they come in time', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const reports = hot('  ----r----r----r----r--');
        const reportsSubs = '  ^---------------------!';
        const expected = '     ----------------------';
        expectObservable(reports.pipe(missedDeadlines({ firstDueIn: 6, window: 6, every: 4, scheduler })), reportsSubs).toBe(expected);
        expectSubscriptions(reports.subscriptions).toBe(reportsSubs);
      });
    });
  });

  describe('when the timer fires a little early', () => {
    it('reports each miss at its deadline, never before it', () => {
      const scheduler = newScheduler();
      // Node may run a timer while Date.now() still reads 1 ms before its due time.
      const early: SchedulerLike = {
        now: () => scheduler.now(),
        schedule: (work, delay = 0, state) => scheduler.schedule(work as never, Math.max(0, delay - 1), state),
      };
      scheduler.run(({ hot, expectObservable }) => {
        const reports = hot('  ------------');
        const reportsSubs = '  ^-----------!';
        const expected = '     ----a---b---';
        expectObservable(reports.pipe(missedDeadlines({ firstDueIn: 5, window: 6, every: 4, scheduler: early })), reportsSubs).toBe(expected, { a: 5, b: 9 });
      });
    });
  });
});
