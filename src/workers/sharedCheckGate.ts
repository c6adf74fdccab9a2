import { CheckGate } from '../monitor/checkGate.js';

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
 * `max_concurrent_checks` across threads: {@link CheckGate}'s contract (a check beyond the bound
 * waits its turn; the slot is released when it ends or is unsubscribed), counted in shared memory so
 * that the bound holds for the whole process, not per worker. Within one thread waiters start first
 * come, first served; across threads, whichever thread sees a free slot first takes it.
 */
export class SharedCheckGate extends CheckGate {
  private readonly counts: Int32Array;
  private watching = false;

  /**
   * @param buffer From {@link sharedGateBuffer}; the same one in every thread.
   * @param max How many checks may be in flight at once, over all threads.
   */
  constructor(buffer: SharedArrayBuffer, max: number) {
    super(max);
    this.counts = new Int32Array(buffer);
  }

  /** Checks in flight now, in every thread. */
  override get inFlight(): number {
    return Atomics.load(this.counts, ACTIVE);
  }

  protected override tryAcquire(): boolean {
    for (;;) {
      const active = Atomics.load(this.counts, ACTIVE);
      if (active >= this.max) return false;
      if (Atomics.compareExchange(this.counts, ACTIVE, active, active + 1) === active) return true;
    }
  }

  protected override releaseSlot(): void {
    Atomics.sub(this.counts, ACTIVE, 1);
    Atomics.add(this.counts, RELEASES, 1);
    Atomics.notify(this.counts, RELEASES);
  }

  /** Starts waiters while slots are free; when some still wait, looks again on the next release anywhere. */
  protected override drain(): void {
    while (this.waiting.size > 0) {
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
