import { Observable, type OperatorFunction, type Subscription } from 'rxjs';

/**
 * `exhaustMap` that counts what it drops: while the inner Observable of one value runs, the values
 * that come are dropped (not queued), and the next inner Observable is told how many were dropped
 * since the previous one started. A monitor's schedule uses it so that a tick that could not run
 * (its check was still running, or waiting for a `max_concurrent_checks` slot) is counted, not lost
 * silently.
 *
 * ```
 * ticks:    a-b-c-----d--
 * project(a, 0):  (----x|)
 * project(d, 2):          (-y|)
 * result:   -----x-----y--      (b and c dropped: d's project is told 2)
 * ```
 *
 * @param project Makes the inner Observable of a value, given how many values were dropped before it.
 * @param dropped Adds to the count from elsewhere (ticks the scheduler itself skipped): called with a
 *   function that takes a number.
 * @returns The operator.
 */
export function exhaustCounting<A, B>(
  project: (value: A, dropped: number) => Observable<B>,
  dropped?: (add: (count: number) => void) => void,
): OperatorFunction<A, B> {
  return (source$) =>
    new Observable<B>((subscriber) => {
      let inner: Subscription | undefined;
      let count = 0;
      let sourceDone = false;
      dropped?.((extra) => {
        count += extra;
      });
      const running = () => inner !== undefined && !inner.closed;
      const outer = source$.subscribe({
        next: (value) => {
          if (running()) {
            count++;
            return;
          }
          const before = count;
          count = 0;
          inner = project(value, before).subscribe({
            next: (result) => subscriber.next(result),
            error: (error: unknown) => subscriber.error(error),
            complete: () => {
              inner = undefined;
              if (sourceDone) subscriber.complete();
            },
          });
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          if (!running()) subscriber.complete();
        },
      });
      return () => {
        outer.unsubscribe();
        inner?.unsubscribe();
      };
    });
}
