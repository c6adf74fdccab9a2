import type { SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { exhaustCounting } from '../../src/monitor/exhaustCounting.js';
import { plannedTicks, schedule } from '../../src/monitor/schedule.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A scheduler whose clock the test sets: a tick can run late, past the ticks after it. */
function steppedScheduler() {
  let now = 0;
  let pending: { at: number; run: () => void } | undefined;
  const scheduler = {
    now: () => now,
    schedule(work: (this: unknown) => void, delay = 0) {
      const action = {
        closed: false,
        schedule(_state?: unknown, next = 0) {
          pending = { at: now + next, run: () => work.call(action) };
          return action;
        },
        unsubscribe() {
          pending = undefined;
        },
      };
      pending = { at: now + delay, run: () => work.call(action) };
      return action;
    },
  };
  return {
    scheduler: scheduler as unknown as SchedulerLike,
    runAt(time: number) {
      now = time;
      const next = pending!;
      pending = undefined;
      next.run();
    },
    nextAt: () => pending?.at,
  };
}

describe('exhaustCounting', () => {
  it('drops values while an inner Observable runs, and tells the next one how many it dropped', () => {
    const seen: Array<[string, number]> = [];
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const source$ = hot('a-b-c-----d--|');
      const inner$ = cold('-----x|');
      const result$ = source$.pipe(
        exhaustCounting((value, dropped) => {
          seen.push([value, dropped]);
          return inner$;
        }),
      );
      expectObservable(result$).toBe('-----x---------x|');
      expectSubscriptions(inner$.subscriptions).toBe(['^-----!', '----------^-----!']);
      expectSubscriptions(source$.subscriptions).toBe('^------------!');
    });
    expect(seen).toEqual([
      ['a', 0],
      ['d', 2],
    ]);
  });

  it('adds what the source says it skipped, and completes once the running inner has', () => {
    const seen: number[] = [];
    newScheduler().run(({ hot, cold, expectObservable }) => {
      let add: (count: number) => void = () => undefined;
      const result$ = hot('a--b--|').pipe(
        exhaustCounting(
          (_value, dropped) => {
            seen.push(dropped);
            if (seen.length === 1) add(3);
            return cold('--(x|)');
          },
          (adder) => {
            add = adder;
          },
        ),
      );
      expectObservable(result$).toBe('--x--x|');
    });
    expect(seen).toEqual([0, 3]);
  });
});

describe('missed ticks in a schedule', () => {
  it('a check that outlasts its interval has the ticks it cost counted on the next check', () => {
    const missed: number[] = [];
    newScheduler().run(({ cold, expectObservable }) => {
      // Checks take 7 at an interval of 3: the ticks at 3 and 6 are dropped, the one at 9 runs, …
      const results$ = schedule(
        (_planned, count) => {
          missed.push(count);
          return cold('-------(r|)', { r: { ok: true } });
        },
        { offset: 0, checkEvery: 3 },
      );
      expectObservable(results$, '^ 20ms !').toBe('7ms r 8ms r', { r: { ok: true } });
    });
    expect(missed).toEqual([0, 2, 2]);
  });

  it('plannedTicks says how many ticks the clock passed when a tick ran late', () => {
    const { scheduler, runAt, nextAt } = steppedScheduler();
    const planned: number[] = [];
    const skipped: number[] = [];
    const subscription = plannedTicks(0, 5, scheduler, (count) => skipped.push(count)).subscribe((time) => planned.push(time));
    runAt(0);
    expect(nextAt()).toBe(5);
    // Held up until 17: the tick of 5 runs late, the one of 10 is skipped, the one of 15 is due now.
    runAt(17);
    expect(skipped).toEqual([1]);
    expect(nextAt()).toBe(17);
    runAt(17);
    expect(planned).toEqual([0, 5, 15]);
    subscription.unsubscribe();
  });
});
