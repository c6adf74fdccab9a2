import { Observable, type ObservableInput, type OperatorFunction, type Subscription, from } from 'rxjs';

/**
 * Like `concatMap` — one inner Observable at a time, in arrival order — but with a bounded wait
 * queue: when more than `queueSize` values are waiting, the oldest waiting one is dropped and
 * `dropped(value)` is emitted in its place at once. The source is never slowed down: taking a value
 * is O(1), whatever the inner Observable is doing. Completes when the source has completed and the
 * queue has drained.
 *
 * ```
 * source:   -abc-------|
 * project:  x => cold('---x|'), queueSize 1, dropped: x => x.toUpperCase()
 * result:   ---Ba---c--|    (c arrives while a runs and b waits: b is dropped)
 * ```
 *
 * @param project Makes the inner Observable for one value.
 * @param queueSize How many values may wait while one is in flight (≥ 0).
 * @param dropped Turns a dropped value into an output value.
 * @returns The operator.
 */
export function boundedConcatMap<T, R>(
  project: (value: T) => ObservableInput<R>,
  queueSize: number,
  dropped: (value: T) => R,
): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      const waiting: T[] = [];
      let active: Subscription | undefined;
      let busy = false;
      let sourceDone = false;

      const startNext = (): void => {
        if (busy) return;
        if (waiting.length === 0) {
          if (sourceDone) subscriber.complete();
          return;
        }
        const value = waiting.shift() as T;
        busy = true;
        const inner = from(project(value)).subscribe({
          next: (result) => subscriber.next(result),
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            busy = false;
            active = undefined;
            startNext();
          },
        });
        // A synchronously completed inner already started the next one: keep that one's handle.
        if (!inner.closed) active = inner;
      };

      const sourceSubscription = source.subscribe({
        next: (value) => {
          waiting.push(value);
          startNext();
          if (waiting.length > queueSize) subscriber.next(dropped(waiting.shift() as T));
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          startNext();
        },
      });

      return () => {
        sourceSubscription.unsubscribe();
        active?.unsubscribe();
      };
    });
}
