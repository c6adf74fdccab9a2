import {
  BehaviorSubject,
  Observable,
  type SchedulerAction,
  type SchedulerLike,
  type Subscription,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  switchMap,
  tap,
} from 'rxjs';
import { exhaustCounting } from './exhaustCounting.js';

/** How a monitor is scheduled. All times in ms. */
export interface ScheduleOptions {
  /** Delay of the first check (see `firstCheckOffset`). */
  offset: number;
  /** Fixed rate, start to start. */
  checkEvery: number;
  /** While the last check failed, check at this rate instead. Absent: always `checkEvery`. */
  retryEvery?: number;
  /** Where time comes from; `asyncScheduler` in the daemon, a `TestScheduler` in marble tests. */
  scheduler?: SchedulerLike;
}

/**
 * Planned start times of a fixed-rate schedule: the first after `firstDelay`, then every `period`.
 * Emits the planned time (scheduler clock), so callers can compute lag against the actual start.
 *
 * Each tick is scheduled from the *planned* time of the next one, not from when the previous tick
 * ran (as `setInterval` re-arms): a tick that came late (a busy event loop, a GC pause) is followed
 * by one on time, so lateness never accumulates into drift. Only the first tick sets the phase
 * where it actually ran (a late first check, typical of a start-up burst, moves the phase once).
 * When the clock has passed a whole period beyond a planned tick (the process was stopped, the loop blocked), the ticks in between
 * are skipped and the phase is kept. One scheduled action per monitor, re-armed per tick.
 *
 * ```
 * plannedTicks(20, 30):  --a--b--c--…   (a = t0 + 20, b = t0 + 50, …)
 * ```
 *
 * @param firstDelay Delay of the first tick, ms.
 * @param period Time between planned ticks, ms.
 * @param scheduler Where time comes from.
 * @param onSkipped Told how many ticks were skipped each time the clock passed them.
 * @returns The planned times; never completes.
 */
export function plannedTicks(firstDelay: number, period: number, scheduler: SchedulerLike, onSkipped?: (count: number) => void): Observable<number> {
  return new Observable<number>((subscriber) => armTicks(firstDelay, period, scheduler, (planned) => subscriber.next(planned), onSkipped).action);
}

/** The running timer of {@link armTicks}. */
interface ArmedTicks {
  /** Unsubscribing it stops the ticks. */
  readonly action: Subscription;
  /**
   * Moves the phase once more, to where the first check really started (`startedAt`, scheduler
   * clock) when that was later than its tick: the next tick comes a period after it. Later calls do
   * nothing.
   */
  anchorAt(startedAt: number): void;
}

/**
 * The timer of {@link plannedTicks}: calls `onTick(planned)` at each planned time, and
 * `onSkipped(count)` when the clock passed ticks. One scheduled action, re-armed per tick.
 *
 * @returns The action (unsubscribing it stops the ticks) and the hook that anchors the phase at
 *   the first check's real start.
 */
function armTicks(firstDelay: number, period: number, scheduler: SchedulerLike, onTick: (planned: number) => void, onSkipped?: (count: number) => void): ArmedTicks {
  let planned = scheduler.now() + firstDelay;
  let anchored = false;
  let startAnchored = false;
  // The action a tick re-armed (a virtual-time action re-arms as a new child); none during the
  // first tick, which re-arms from `planned` itself.
  let pending: SchedulerAction<undefined> | undefined;
  const action = scheduler.schedule(function tick(this: SchedulerAction<undefined>) {
    const ranAt = scheduler.now();
    const current = planned;
    // The first tick anchors the phase where it really ran: a start-up burst that delays first
    // checks shifts each monitor once, instead of making its next interval short.
    planned = (anchored ? planned : Math.max(planned, ranAt)) + period;
    anchored = true;
    onTick(current);
    const now = scheduler.now();
    if (now - planned >= period) {
      const skipped = Math.floor((now - planned) / period);
      planned += skipped * period;
      onSkipped?.(skipped);
    }
    pending = this.schedule(undefined, Math.max(0, planned - now)) as SchedulerAction<undefined>;
  }, Math.max(0, firstDelay));
  return {
    action,
    anchorAt(startedAt: number): void {
      if (startAnchored) return;
      startAnchored = true;
      if (startedAt + period <= planned) return;
      planned = startedAt + period;
      if (pending !== undefined) pending = pending.schedule(undefined, Math.max(0, planned - scheduler.now())) as SchedulerAction<undefined>;
    },
  };
}

/**
 * Makes the cold check for one tick: `planned` is the tick's planned start, `missed` how many ticks
 * could not run since the previous check started. `started`, given to a monitor's first check only
 * (fixed rate), is to be called with the scheduler's time when the check really starts (after a
 * wait at a check gate): the phase then follows that start, so a first check held back at start-up
 * does not make its next interval short.
 */
export type ScheduledCheck<T> = (planned: number, missed: number, started?: (at: number) => void) => Observable<T>;

/**
 * `plannedTicks(offset, checkEvery).pipe(exhaustCounting(check))` in one subscriber: the same ticks,
 * the same dropping and counting, without the operator chain between them. It is what a monitor
 * holds while it waits for its next tick (50,000 of them in a large daemon), so it is kept to one
 * closure scope and one scheduled action.
 */
function fixedRate<T>(check: ScheduledCheck<T>, offset: number, checkEvery: number, scheduler: SchedulerLike): Observable<T> {
  return new Observable<T>((subscriber) => {
    let inner: Subscription | undefined;
    let running = false;
    let missed = 0;
    let first = true;
    const ticks = armTicks(
      offset,
      checkEvery,
      scheduler,
      (planned) => {
        if (running) {
          missed++;
          return;
        }
        const before = missed;
        missed = 0;
        running = true;
        const started = first ? ticks.anchorAt : undefined;
        first = false;
        inner = check(planned, before, started).subscribe({
          next: (result) => subscriber.next(result),
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            running = false;
            inner = undefined;
          },
        });
      },
      (count) => {
        missed += count;
      },
    );
    return () => {
      ticks.action.unsubscribe();
      inner?.unsubscribe();
    };
  });
}

/**
 * The schedule of one monitor: an interval-driven stream whose ticks map to a check Observable,
 * with `exhaustMap` semantics (`exhaustCounting`) so checks never overlap — a tick that comes during a
 * check is dropped, not queued, and counted.
 *
 * `check(planned, missed)` is called at each tick that is not dropped, with the tick's planned start
 * time and how many ticks could not run since the previous check started: dropped because a check
 * was still running (or waiting at the check gate), or skipped because the clock passed them.
 * Without `retryEvery` the ticks are {@link plannedTicks}`(offset, checkEvery)`: `timer(offset,
 * checkEvery)` on the same scheduler, made drift-free, and the phase follows the first check's real
 * start when it waited (`started`, see {@link ScheduledCheck}). With `retryEvery`, the period is a stream of
 * the monitor's own state: after a failed check the schedule switches to `retryEvery`, after an ok one
 * back to `checkEvery`, each measured from the start of the last check.
 *
 * ```
 * check:                  (r|)   (a check that answers at once)
 * schedule(check, { offset: 1, checkEvery: 3 }):   -r--r--r--r-…
 * ```
 *
 * @param check Makes the cold check Observable for one tick.
 * @param options Offset, rates and scheduler.
 * @returns A stream of results that never completes by itself.
 */
export function schedule<T extends { ok: boolean }>(
  check: ScheduledCheck<T>,
  { offset, checkEvery, retryEvery, scheduler = asyncScheduler }: ScheduleOptions,
): Observable<T> {
  if (retryEvery === undefined || retryEvery === checkEvery) return fixedRate(check, offset, checkEvery, scheduler);
  return defer(() => {
    let skip: (count: number) => void = () => undefined;
    const failing$ = new BehaviorSubject(false);
    // Start of the last check; chosen so the first tick falls at now + offset.
    let lastStart = scheduler.now() + offset - checkEvery;
    return failing$.pipe(
      distinctUntilChanged(),
      switchMap((failing) => {
        const period = failing ? retryEvery : checkEvery;
        return plannedTicks(Math.max(0, lastStart + period - scheduler.now()), period, scheduler, (count) => skip(count));
      }),
      exhaustCounting(
        (planned, missed) => {
          lastStart = scheduler.now();
          return check(planned, missed).pipe(tap((result) => failing$.next(!result.ok)));
        },
        (add) => {
          skip = add;
        },
      ),
    );
  });
}
