import { Observable, type Subscription } from 'rxjs';
import { WaitQueue, type Waiter } from './waitQueue.js';

/** What bounds checks in flight: {@link CheckGate} in one thread, `SharedCheckGate` across worker threads. */
export interface CheckLimiter {
  /** How many may be in flight at once. */
  readonly max: number;
  /** Checks in flight now. */
  readonly inFlight: number;
  /** Checks waiting for a slot now (in this thread). */
  readonly queued: number;
  /**
   * Wraps a cold Observable so that it subscribes only when a slot is free.
   *
   * @param source$ The cold Observable (a check).
   * @returns The gated Observable.
   */
  limit<T>(source$: Observable<T>): Observable<T>;
}

/**
 * A bound on checks in flight across all monitors (`max_concurrent_checks`): a check beyond the
 * bound waits its turn, first come first served, and the wait shows in its schedule lag. Never an
 * unbounded burst of sockets.
 *
 * ```
 * gate = new CheckGate(1)
 * gate.limit(a$):  ^--a|           (starts at once)
 * gate.limit(b$):  ^----b|         (starts when a$ ends)
 * ```
 */
export class CheckGate implements CheckLimiter {
  private active = 0;
  /** Starts of the checks waiting for a slot, oldest first. */
  protected readonly waiting = new WaitQueue<() => void>();

  /**
   * @param max How many gated Observables may be subscribed at once.
   */
  constructor(readonly max: number) {}

  /** Checks in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Checks waiting for a slot now. */
  get queued(): number {
    return this.waiting.size;
  }

  /**
   * Wraps a cold Observable so that it subscribes only when a slot is free; the slot is released when
   * it completes, errors or is unsubscribed. Unsubscribing while it waits leaves the queue.
   *
   * @param source$ The cold Observable (a check).
   * @returns The gated Observable.
   */
  limit<T>(source$: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      let inner: Subscription | undefined;
      let waiter: Waiter<() => void> | undefined;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.releaseSlot();
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
      if (this.waiting.size === 0 && this.tryAcquire()) start();
      else {
        waiter = this.waiting.push(start);
        this.drain();
      }
      return () => {
        if (inner) {
          inner.unsubscribe();
          release();
        } else if (waiter) {
          this.waiting.remove(waiter);
        }
      };
    });
  }

  /** Takes one slot if one is free. Subclasses count elsewhere (`SharedCheckGate`: shared memory). */
  protected tryAcquire(): boolean {
    if (this.active >= this.max) return false;
    this.active++;
    return true;
  }

  /** Gives one slot back. */
  protected releaseSlot(): void {
    this.active--;
  }

  /** Starts waiters, oldest first, while slots are free. */
  protected drain(): void {
    while (this.waiting.size > 0 && this.tryAcquire()) this.waiting.shift()!();
  }
}
