import {
  BehaviorSubject,
  type Observable,
  type SchedulerLike,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  exhaustMap,
  map,
  switchMap,
  tap,
  timer,
} from 'rxjs';

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
 * ```
 * plannedTicks(20, 30):  --a--b--c--…   (a = t0 + 20, b = t0 + 50, …)
 * ```
 */
export function plannedTicks(firstDelay: number, period: number, scheduler: SchedulerLike): Observable<number> {
  return defer(() => {
    const first = scheduler.now() + firstDelay;
    return timer(firstDelay, period, scheduler).pipe(map((i) => first + i * period));
  });
}

/**
 * The schedule of one monitor: an interval-driven stream whose ticks map to a check Observable,
 * with `exhaustMap` so checks never overlap — a tick that comes during a check is dropped, not queued.
 *
 * `check(planned)` is called at each tick that is not dropped, with the tick's planned start time.
 * Without `retryEvery` this is a plain `timer(offset, checkEvery)`. With it, the period is a stream of
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
  check: (planned: number) => Observable<T>,
  { offset, checkEvery, retryEvery, scheduler = asyncScheduler }: ScheduleOptions,
): Observable<T> {
  if (retryEvery === undefined || retryEvery === checkEvery) {
    return plannedTicks(offset, checkEvery, scheduler).pipe(exhaustMap(check));
  }
  return defer(() => {
    const failing$ = new BehaviorSubject(false);
    // Start of the last check; chosen so the first tick falls at now + offset.
    let lastStart = scheduler.now() + offset - checkEvery;
    return failing$.pipe(
      distinctUntilChanged(),
      switchMap((failing) => {
        const period = failing ? retryEvery : checkEvery;
        return plannedTicks(Math.max(0, lastStart + period - scheduler.now()), period, scheduler);
      }),
      exhaustMap((planned) => {
        lastStart = scheduler.now();
        return check(planned).pipe(tap((result) => failing$.next(!result.ok)));
      }),
    );
  });
}
