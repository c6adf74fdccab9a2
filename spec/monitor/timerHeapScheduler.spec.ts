import { jest } from '@jest/globals';
import { type SchedulerAction, take, timeout, timer, NEVER, toArray, lastValueFrom, of, tap, map } from 'rxjs';
import { TimerHeapScheduler } from '../../src/monitor/timerHeapScheduler.js';
import { plannedTicks, schedule } from '../../src/monitor/schedule.js';

describe('TimerHeapScheduler', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('runs actions in the order of their due times, equal times first come first served', () => {
    const scheduler = new TimerHeapScheduler();
    const ran: string[] = [];
    scheduler.schedule(() => ran.push('c'), 30);
    scheduler.schedule(() => ran.push('a1'), 10);
    scheduler.schedule(() => ran.push('b'), 20);
    scheduler.schedule(() => ran.push('a2'), 10);
    jest.advanceTimersByTime(9);
    expect(ran).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual(['a1', 'a2']);
    jest.advanceTimersByTime(20);
    expect(ran).toEqual(['a1', 'a2', 'b', 'c']);
    expect(scheduler.pending).toBe(0);
  });

  it('holds one Node timer, whatever the number of actions, and none once they are done', () => {
    const scheduler = new TimerHeapScheduler();
    for (let i = 0; i < 1_000; i++) scheduler.schedule(() => undefined, 1 + (i % 97));
    expect(scheduler.pending).toBe(1_000);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(100);
    expect(scheduler.pending).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('runs a delay of 0 on a later turn, not synchronously', () => {
    const scheduler = new TimerHeapScheduler();
    let ran = false;
    scheduler.schedule(() => (ran = true), 0);
    expect(ran).toBe(false);
    jest.advanceTimersByTime(0);
    expect(ran).toBe(true);
  });

  it('cancels an action that is unsubscribed, and drops the timer when nothing is left (an idle process exits)', () => {
    const scheduler = new TimerHeapScheduler();
    const ran: string[] = [];
    const early = scheduler.schedule(() => ran.push('early'), 10);
    const late = scheduler.schedule(() => ran.push('late'), 10_000);
    early.unsubscribe();
    jest.advanceTimersByTime(10);
    expect(ran).toEqual([]);
    late.unsubscribe();
    expect(scheduler.pending).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('reschedules an action from its own work with its state, as periodic operators do', () => {
    const scheduler = new TimerHeapScheduler();
    const seen: Array<[number, number]> = [];
    scheduler.schedule(
      function (this: SchedulerAction<number>, count = 0) {
        seen.push([scheduler.now() - 1_000_000, count]);
        if (count < 3) this.schedule(count + 1, 100);
      },
      50,
      0,
    );
    jest.advanceTimersByTime(1_000);
    expect(seen).toEqual([
      [50, 0],
      [150, 1],
      [250, 2],
      [350, 3],
    ]);
  });

  it('lets an action rescheduled with delay 0 wait for the next turn (no starvation of the loop)', () => {
    const scheduler = new TimerHeapScheduler();
    let runs = 0;
    scheduler.schedule(function (this: SchedulerAction<undefined>) {
      runs++;
      this.schedule(undefined, 0);
    }, 0);
    jest.advanceTimersToNextTimer();
    expect(runs).toBe(1);
    jest.advanceTimersToNextTimer();
    expect(runs).toBe(2);
    expect(scheduler.pending).toBe(1);
  });

  it('runs the other due actions when one throws, then rethrows its error', () => {
    const scheduler = new TimerHeapScheduler();
    const ran: string[] = [];
    scheduler.schedule(() => {
      throw new Error('boom');
    }, 5);
    scheduler.schedule(() => ran.push('after'), 5);
    expect(() => jest.advanceTimersByTime(5)).toThrow('boom');
    expect(ran).toEqual(['after']);
    expect(scheduler.pending).toBe(0);
  });

  it('sets the timer again when it fires before its time (node may run a timer 1 ms early)', () => {
    const scheduler = new TimerHeapScheduler();
    let ran = false;
    scheduler.schedule(() => (ran = true), 100);
    // The clock reads 1 ms short of the due time when the timer runs.
    jest.setSystemTime(Date.now() - 1);
    jest.advanceTimersByTime(100);
    expect(ran).toBe(false);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1);
    expect(ran).toBe(true);
  });

  it('drives RxJS operators: timer and timeout', async () => {
    const scheduler = new TimerHeapScheduler();
    const ticks = lastValueFrom(timer(10, 20, scheduler).pipe(take(3), toArray()));
    const timedOut = lastValueFrom(NEVER.pipe(timeout({ first: 50, scheduler, with: () => timer(0, scheduler) })));
    await jest.advanceTimersByTimeAsync(60);
    await expect(ticks).resolves.toEqual([0, 1, 2]);
    await expect(timedOut).resolves.toBe(0);
    expect(scheduler.pending).toBe(0);
  });

  it('keeps a monitor schedule on its planned times (plannedTicks)', () => {
    const scheduler = new TimerHeapScheduler();
    const start = scheduler.now();
    const planned: number[] = [];
    const subscription = plannedTicks(300, 1_000, scheduler).subscribe((at) => planned.push(at - start));
    jest.advanceTimersByTime(3_500);
    subscription.unsubscribe();
    expect(planned).toEqual([300, 1_300, 2_300, 3_300]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('moves the phase of a monitor to where its first check really started (schedule with a gate wait)', () => {
    const scheduler = new TimerHeapScheduler();
    const start = scheduler.now();
    const planned: number[] = [];
    // The first check starts 250 ms after its tick (as after a wait at the check gate).
    const subscription = schedule(
      (at, _missed, started) => {
        planned.push(at - start);
        return started === undefined ? of({ ok: true }) : timer(250, scheduler).pipe(tap(() => started(scheduler.now())), map(() => ({ ok: true })));
      },
      { offset: 300, checkEvery: 1_000, scheduler },
    ).subscribe();
    jest.advanceTimersByTime(3_600);
    subscription.unsubscribe();
    expect(planned).toEqual([300, 1_550, 2_550, 3_550]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
