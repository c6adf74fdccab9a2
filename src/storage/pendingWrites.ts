import type { CheckResult } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';
import type { HealthUpdate } from '../operators/healthSteps.js';
import type { HealthSnapshot, StoreBatch } from './store.js';

/** A batch taken from {@link PendingWrites}, with what committing it removes. */
export interface TakenBatch {
  batch: StoreBatch;
  /** Sequence number of the last result and change taken. */
  lastResult: number;
  lastChange: number;
  /** The health snapshots taken (removed on commit unless a newer one replaced them). */
  health: readonly HealthSnapshot[];
}

interface Entry<T> {
  seq: number;
  value: T;
}

/**
 * What waits to be written: results (bounded: beyond `limit` the oldest are dropped), state changes
 * (bounded by the same limit, kept apart so that a flood of results never drops the incident log
 * first) and each monitor's latest health track. A batch is taken, written, then committed; what
 * arrived meanwhile stays, and what was dropped meanwhile is not written twice.
 */
export class PendingWrites {
  private results: Entry<CheckResult>[] = [];
  private changes: Entry<MonitorState>[] = [];
  private readonly health = new Map<string, HealthSnapshot>();
  private seq = 0;

  /** @param limit At most this many results (and, apart, changes) wait. */
  constructor(private readonly limit: number) {}

  /** Results waiting. */
  get size(): number {
    return this.results.length;
  }

  /** Whether nothing waits. */
  get empty(): boolean {
    return this.results.length === 0 && this.changes.length === 0 && this.health.size === 0;
  }

  /**
   * Queues one update.
   *
   * @param update A result with its monitor's health after it.
   * @returns How many waiting results (or changes) were dropped to make room: 0 or 1.
   */
  add({ result, track, since, change }: HealthUpdate): number {
    let dropped = 0;
    this.seq += 1;
    this.results.push({ seq: this.seq, value: result });
    if (this.results.length > this.limit) {
      this.results.shift();
      dropped += 1;
    }
    if (change) {
      this.changes.push({ seq: this.seq, value: change });
      if (this.changes.length > this.limit) {
        this.changes.shift();
        dropped += 1;
      }
    }
    this.health.set(result.monitor, { monitor: result.monitor, track, ...(since === undefined ? {} : { since }), lastAt: result.startedAt });
    return dropped;
  }

  /**
   * The oldest waiting results (at most `max`), every waiting change up to the last of those, and
   * every monitor's latest health: one batch to write.
   *
   * @param max The most results in one batch.
   * @returns The batch; nothing is removed until {@link commit}.
   */
  take(max: number): TakenBatch {
    const results = this.results.slice(0, max);
    const lastResult = results.at(-1)?.seq ?? this.seq;
    const changes = this.changes.filter((entry) => entry.seq <= lastResult);
    const health = [...this.health.values()];
    return {
      batch: { results: results.map((entry) => entry.value), changes: changes.map((entry) => entry.value), health },
      lastResult,
      lastChange: changes.at(-1)?.seq ?? 0,
      health,
    };
  }

  /**
   * Removes a written batch.
   *
   * @param taken What {@link take} returned, now written.
   */
  commit(taken: TakenBatch): void {
    this.results = dropThrough(this.results, taken.lastResult);
    this.changes = dropThrough(this.changes, taken.lastChange);
    for (const snapshot of taken.health) {
      if (this.health.get(snapshot.monitor) === snapshot) this.health.delete(snapshot.monitor);
    }
  }
}

function dropThrough<T>(entries: Entry<T>[], seq: number): Entry<T>[] {
  let count = 0;
  while (count < entries.length && entries[count].seq <= seq) count += 1;
  return count === 0 ? entries : entries.slice(count);
}
