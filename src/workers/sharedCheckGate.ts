import { Observable, type Subscription } from 'rxjs';
import type { CheckLimiter } from '../monitor/checkGate.js';

/** `Atomics.waitAsync` (Node 16+; typed from ES2024, beyond this project's `lib`). */
type WaitAsync = (array: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** Index of the in-flight count in the shared array. */
const ACTIVE = 0;
/** Index of the release counter: bumped and notified on every release, so waiters elsewhere look again. */
const RELEASES = 1;

/**
 * The memory a {@link SharedCheckGate} counts in: one per daemon, handed to every worker.
 *
 * @returns A zeroed shared buffer.
 */
export function sharedGateBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/**
 * `max_concurrent_checks` across threads: the same contract as `CheckGate` (a check beyond the bound
 * waits its turn; the slot is released when it ends or is unsubscribed), counted in shared memory so
 * that the bound holds for the whole process, not per worker. Within one thread waiters start first
 * come, first served; across threads, whichever thread sees a free slot first takes it.
 */
export class SharedCheckGate implements CheckLimiter {
  private readonly counts: Int32Array;
  private readonly waiting: Array<() => void> = [];
  private watching = false;

  /**
   * @param buffer From {@link sharedGateBuffer}; the same one in every thread.
   * @param max How many checks may be in flight at once, over all threads.
   */
  constructor(
    buffer: SharedArrayBuffer,
    readonly max: number,
  ) {
    this.counts = new Int32Array(buffer);
  }

  /** Checks in flight now, in every thread. */
  get inFlight(): number {
    return Atomics.load(this.counts, ACTIVE);
  }

  /** Checks of this thread waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Wraps a cold Observable so that it subscribes only when a slot is free.
   *
   * @param source$ The cold Observable (a check).
   * @returns The gated Observable.
   */
  limit<T>(source$: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      let inner: Subscription | undefined;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        Atomics.sub(this.counts, ACTIVE, 1);
        Atomics.add(this.counts, RELEASES, 1);
        Atomics.notify(this.counts, RELEASES);
        this.drain();
      };
      const start = () => {
        inner = source$.subscribe({
          next: (value) => subscriber.next(value),
          error: (error) => {
            release();
            subscriber.error(error);
          },
          complete: () => {
            release();
            subscriber.complete();
          },
        });
      };
      if (this.waiting.length === 0 && this.tryAcquire()) start();
      else {
        this.waiting.push(start);
        this.drain();
      }
      return () => {
        if (inner) {
          inner.unsubscribe();
          release();
        } else {
          const index = this.waiting.indexOf(start);
          if (index >= 0) this.waiting.splice(index, 1);
        }
      };
    });
  }

  /** Takes one slot if one is free. */
  private tryAcquire(): boolean {
    for (;;) {
      const active = Atomics.load(this.counts, ACTIVE);
      if (active >= this.max) return false;
      if (Atomics.compareExchange(this.counts, ACTIVE, active, active + 1) === active) return true;
    }
  }

  /** Starts waiters while slots are free; when some still wait, looks again on the next release anywhere. */
  private drain(): void {
    while (this.waiting.length > 0) {
      const seen = Atomics.load(this.counts, RELEASES);
      if (!this.tryAcquire()) {
        this.watch(seen);
        return;
      }
      this.waiting.shift()!();
    }
  }

  private watch(seen: number): void {
    if (this.watching) return;
    const wait = waitAsync(this.counts, RELEASES, seen);
    if (!wait.async) {
      // A release came between the failed try and the wait: look again (in a task, not recursively).
      setImmediate(() => this.drain());
      return;
    }
    this.watching = true;
    void wait.value.then(() => {
      this.watching = false;
      this.drain();
    });
  }
}
