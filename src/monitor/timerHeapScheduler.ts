import { type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs';

/** One scheduled run of a work function: an RxJS `SchedulerAction` kept in the scheduler's heap. */
class HeapAction<T> extends Subscription implements SchedulerAction<T> {
  /** When it is due, ms since the epoch. */
  dueAt = 0;
  /** Order of scheduling: equal due times run first come, first served. */
  seq = 0;
  /** Its place in the heap; -1 when not queued. */
  index = -1;
  private state: T | undefined;

  constructor(
    private readonly scheduler: TimerHeapScheduler,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
  }

  /** Cancels it: off the heap, never run again. */
  override unsubscribe(): void {
    if (this.closed) return;
    this.scheduler.remove(this);
    super.unsubscribe();
  }

  /** (Re)schedules this action `delay` ms from now with `state`, as RxJS actions do from inside their work. */
  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.scheduler.enqueue(this, delay);
    return this;
  }

  /** Runs the work once (the scheduler took it off the heap). */
  run(): void {
    this.work.call(this, this.state);
  }
}

/** What the heap holds: actions of any state type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = HeapAction<any>;

/**
 * An RxJS scheduler for many long timers: every scheduled action waits in one binary heap ordered by
 * due time, under a single Node timer set for the earliest. Works as `asyncScheduler` does for the
 * operators (`timer`, `timeout`, a work function that reschedules itself), with `now()` from
 * `Date.now()`.
 *
 * Why: with `asyncScheduler` each monitor's next tick is its own `setInterval`, cleared and made anew
 * on every tick (the delay changes from tick to tick on a fixed-rate schedule). Each tick's timer and
 * its Node timer list live until the next tick, so they survive the young-generation collections
 * and are promoted: at 10,000 monitors every 10 s, scavenges cost a worker thread 25–35 ms each.
 * Here a tick allocates nothing that outlives its check.
 *
 * Semantics kept: a delay of 0 still runs on a later turn of the event loop; equal due times run
 * in the order they were scheduled; an action rescheduled with delay 0 while the heap is being
 * drained waits for the next turn (no starvation); unsubscribing removes the action (and the timer
 * when nothing is left, so an idle process exits); a work function that throws is unsubscribed and
 * its error rethrown after the other due actions ran (as `AsyncScheduler.flush` does).
 *
 * ## Example
 * ```ts
 * const scheduler = new TimerHeapScheduler();
 * timer(10_000, 10_000, scheduler).subscribe(() => check());
 * ```
 */
export class TimerHeapScheduler implements SchedulerLike {
  private readonly heap: AnyAction[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** When the timer fires, ms since the epoch (Infinity: no timer). */
  private timerAt = Number.POSITIVE_INFINITY;
  private seq = 0;
  private readonly flush = (): void => this.runDue();

  /** @returns `Date.now()`. */
  now(): number {
    return Date.now();
  }

  /**
   * Schedules `work` to run `delay` ms from now.
   *
   * @param work Runs with `this` as its action (`this.schedule(state, delay)` runs it again).
   * @param delay Ms from now (negative counts as 0).
   * @param state Passed to `work`.
   * @returns The action: unsubscribe to cancel it.
   */
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new HeapAction<T>(this, work).schedule(state, delay);
  }

  /** How many actions wait (for tests and operations). */
  get pending(): number {
    return this.heap.length;
  }

  /** @internal Queues (or moves) `action` to `delay` ms from now. */
  enqueue(action: AnyAction, delay: number): void {
    if (action.index >= 0) this.take(action.index);
    action.dueAt = this.now() + Math.max(0, delay);
    action.seq = this.seq++;
    this.push(action);
    this.arm();
  }

  /** @internal Takes `action` off the heap (it was unsubscribed). */
  remove(action: AnyAction): void {
    if (action.index < 0) return;
    this.take(action.index);
    if (this.heap.length === 0) this.disarm();
  }

  /** Runs every action due now that was scheduled before this run began, then sets the timer again. */
  private runDue(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.now();
    const before = this.seq;
    let failure: { error: unknown } | undefined;
    while (this.heap.length > 0) {
      const top = this.heap[0];
      if (top.dueAt > now || top.seq >= before) break;
      this.take(0);
      try {
        top.run();
      } catch (error) {
        top.unsubscribe();
        failure ??= { error };
      }
    }
    this.arm();
    if (failure) throw failure.error;
  }

  /** Sets the Node timer for the earliest action, unless one is already set for that time or earlier. */
  private arm(): void {
    const top = this.heap[0];
    if (top === undefined) return this.disarm();
    if (this.timer !== undefined && this.timerAt <= top.dueAt) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = top.dueAt;
    // A timer may fire a millisecond before Date.now() reaches its time: runDue then finds nothing
    // due and this sets it again for the rest.
    this.timer = setTimeout(this.flush, Math.max(0, top.dueAt - this.now()));
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private before(a: AnyAction, b: AnyAction): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  private push(action: AnyAction): void {
    action.index = this.heap.length;
    this.heap.push(action);
    this.up(action.index);
  }

  /** Removes the action at `index`, keeping the heap ordered. */
  private take(index: number): void {
    const { heap } = this;
    const taken = heap[index];
    const last = heap.pop()!;
    taken.index = -1;
    if (index === heap.length) return;
    heap[index] = last;
    last.index = index;
    this.up(index);
    this.down(last.index);
  }

  private up(index: number): void {
    const { heap } = this;
    const action = heap[index];
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(action, heap[parent])) break;
      heap[index] = heap[parent];
      heap[index].index = index;
      index = parent;
    }
    heap[index] = action;
    action.index = index;
  }

  private down(index: number): void {
    const { heap } = this;
    const action = heap[index];
    const size = heap.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.before(heap[right], heap[left]) ? right : left;
      if (!this.before(heap[child], action)) break;
      heap[index] = heap[child];
      heap[index].index = index;
      index = child;
    }
    heap[index] = action;
    action.index = index;
  }
}
