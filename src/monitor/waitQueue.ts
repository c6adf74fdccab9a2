/** A place in a {@link WaitQueue}: what {@link WaitQueue.remove} takes back. */
export interface Waiter<T> {
  readonly value: T;
  prev?: Waiter<T>;
  next?: Waiter<T>;
  /** False once shifted or removed. */
  queued: boolean;
}

/**
 * A first-in, first-out queue with O(1) push, shift and removal of any waiter (a doubly linked
 * list). The check gate holds every check that waits for a slot here: under overload that is one per
 * monitor, tens of thousands, where an array's `shift` and `indexOf` cost O(n) each time.
 */
export class WaitQueue<T> {
  private head?: Waiter<T>;
  private tail?: Waiter<T>;
  private count = 0;

  /** How many wait. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds a value at the back.
   *
   * @param value What waits.
   * @returns Its place, for {@link WaitQueue.remove}.
   */
  push(value: T): Waiter<T> {
    const waiter: Waiter<T> = { value, prev: this.tail, queued: true };
    if (this.tail) this.tail.next = waiter;
    else this.head = waiter;
    this.tail = waiter;
    this.count++;
    return waiter;
  }

  /**
   * Takes the value at the front.
   *
   * @returns It, or undefined when none waits.
   */
  shift(): T | undefined {
    const waiter = this.head;
    if (!waiter) return undefined;
    this.remove(waiter);
    return waiter.value;
  }

  /**
   * Takes a waiter out wherever it is; nothing when it has already left.
   *
   * @param waiter From {@link WaitQueue.push}.
   */
  remove(waiter: Waiter<T>): void {
    if (!waiter.queued) return;
    waiter.queued = false;
    if (waiter.prev) waiter.prev.next = waiter.next;
    else this.head = waiter.next;
    if (waiter.next) waiter.next.prev = waiter.prev;
    else this.tail = waiter.prev;
    waiter.prev = undefined;
    waiter.next = undefined;
    this.count--;
  }
}
