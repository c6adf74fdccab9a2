import { type OperatorFunction, type SchedulerLike, asyncScheduler, map, startWith, switchMap, timer } from 'rxjs';

/** When deadlines fall (ms). */
export interface DeadlineOptions {
  /** From subscription to the first deadline (counted from the last known result at start-up). */
  firstDueIn: number;
  /** From each report to the next deadline: `expect_every + grace`. */
  window: number;
  /** While nothing comes, a further miss this often after the first: `expect_every`. */
  every: number;
  scheduler?: SchedulerLike;
}

/**
 * The deadline of a heartbeat: each report (any value) switches to a fresh deadline timer, and
 * every deadline that passes without one emits its time (never before the deadline itself). While the job stays silent, a miss
 * follows every `every`, as a failing check would keep failing.
 *
 * ```
 * reports:            ---r-----------r------   (firstDueIn 5, window 6, every 4)
 * missedDeadlines():  ---------a---b-------c   (a = 9, b = 13; r at 15 resets: c = 21)
 * ```
 *
 * @param options The first delay, the window after each report, the repeat, the scheduler.
 * @returns An operator from reports to the times of missed deadlines. It never completes by
 *   itself (the timer outlives a completed source): unsubscribe to stop it.
 */
export function missedDeadlines({ firstDueIn, window, every, scheduler = asyncScheduler }: DeadlineOptions): OperatorFunction<unknown, number> {
  return (reports$) =>
    reports$.pipe(
      map(() => window),
      startWith(firstDueIn),
      switchMap((dueIn) => {
        const from = scheduler.now();
        // A timer may fire a little before its clock reads the due time (node rounds timers to
        // the millisecond): a miss is never reported before its deadline.
        return timer(dueIn, every, scheduler).pipe(map((n) => Math.max(scheduler.now(), from + dueIn + n * every)));
      }),
    );
}
