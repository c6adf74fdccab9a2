import { type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { plannedTicks } from '../../src/monitor/schedule.js';

/**
 * A scheduler whose clock the test moves by hand, to run actions late (a busy event loop): it
 * records each requested delay and runs the pending action whenever the test says.
 */
class LateScheduler implements SchedulerLike {
  clock = 0;
  readonly delays: number[] = [];
  private pending: (() => void) | undefined;

  now(): number {
    return this.clock;
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    const subscription = new Subscription(() => (this.pending = undefined));
    const action = Object.assign(subscription, {
      schedule: (next?: T, nextDelay = 0): Subscription => {
        this.arm(() => work.call(action as SchedulerAction<T>, next), nextDelay);
        return subscription;
      },
    });
    this.arm(() => work.call(action as SchedulerAction<T>, state), delay);
    return subscription;
  }

  /** Runs the pending action at `at` (its due time or later). */
  runAt(at: number): void {
    this.clock = at;
    const run = this.pending;
    this.pending = undefined;
    run?.();
  }

  private arm(run: () => void, delay: number): void {
    this.delays.push(delay);
    this.pending = run;
  }
}

describe('plannedTicks', () => {
  it('emits t0 + offset + i × period in virtual time', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ expectObservable }) => {
      expectObservable(plannedTicks(2, 3, testScheduler), '^-------!').toBe('--a--b--', { a: 2, b: 5 });
    });
  });

  describe('when a tick runs late', () => {
    it('arms the next one from its planned time, so lateness does not accumulate', () => {
      const scheduler = new LateScheduler();
      const seen: number[] = [];
      const subscription = plannedTicks(100, 1_000, scheduler).subscribe((planned) => seen.push(planned));
      scheduler.runAt(100);
      scheduler.runAt(1_100 + 300); // 300 ms late
      scheduler.runAt(2_100); // on time again
      subscription.unsubscribe();
      expect(seen).toEqual([100, 1_100, 2_100]);
      expect(scheduler.delays).toEqual([100, 1_000, 700, 1_000]);
    });

    it('anchors the phase where a late first tick really ran', () => {
      const scheduler = new LateScheduler();
      const seen: number[] = [];
      const subscription = plannedTicks(100, 1_000, scheduler).subscribe((planned) => seen.push(planned));
      scheduler.runAt(400); // the first tick, 300 ms late (start-up)
      scheduler.runAt(1_400);
      subscription.unsubscribe();
      expect(seen).toEqual([100, 1_400]);
      expect(scheduler.delays).toEqual([100, 1_000, 1_000]);
    });

    it('skips ticks more than a period in the past, runs the latest one due at once, and keeps the phase', () => {
      const scheduler = new LateScheduler();
      const seen: number[] = [];
      const subscription = plannedTicks(0, 1_000, scheduler).subscribe((planned) => seen.push(planned));
      scheduler.runAt(0);
      scheduler.runAt(3_500); // the loop was blocked for 2.5 periods past the tick at 1,000
      scheduler.runAt(3_500);
      subscription.unsubscribe();
      expect(seen).toEqual([0, 1_000, 3_000]);
      expect(scheduler.delays).toEqual([0, 1_000, 0, 500]);
    });
  });
});
