import { type Observable, type SchedulerLike, Subscription, asyncScheduler, exhaustMap, from, timer } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { LiveMonitors } from '../live/liveMonitors.js';
import type { Store } from '../storage/store.js';

/** What {@link followOthers} needs. */
export interface FollowOthersParams {
  live: LiveMonitors;
  store: Store;
  /** Which instance checks a monitor now (`undefined`: none yet). */
  instanceOf: (monitor: string) => string | undefined;
  /** This instance. */
  me: string;
  /** A value after each ownership round: who checks what is marked then. */
  rounds$: Observable<unknown>;
  /** How often to read, ms. */
  every: number;
  /** At most this many latest results read per round (the rest wait for the next). Default 200. */
  resultsPerRound?: number;
  scheduler?: SchedulerLike;
  onError?: (error: unknown) => void;
}

/**
 * Keeps the monitors other instances check up to date on this one's page, API and badges: after
 * each ownership round it marks each monitor with the instance that checks it; every `every` it reads every health track from the
 * store (one query) for the state of monitors checked elsewhere, and the latest result of those whose
 * last check is newer than what it shows (bounded per round). Cheap: one query, plus one per monitor
 * that changed hands or was checked, up to the bound. A sink: returns the subscription.
 *
 * @param params The live monitors, the store, who checks what.
 * @returns The running subscription.
 */
export function followOthers({ live, store, instanceOf, me, rounds$, every, resultsPerRound = 200, scheduler = asyncScheduler, onError }: FollowOthersParams): Subscription {
  const mark = () => {
    for (const entry of live.list()) {
      const owner = instanceOf(entry.name);
      if (owner === undefined) delete entry.instance;
      else entry.instance = owner;
    }
  };
  const round = async () => {
    const tracks = (await store.resume()).filter((snapshot) => {
      const owner = instanceOf(snapshot.monitor);
      return owner !== undefined && owner !== me;
    });
    const stale = tracks.filter((snapshot) => live.get(snapshot.monitor)?.last?.startedAt !== snapshot.lastAt).slice(0, resultsPerRound);
    const latest = new Map<string, CheckResult>();
    for (const snapshot of stale) {
      const [result] = (await store.results({ monitor: snapshot.monitor, order: 'desc', limit: 1 })).results;
      if (result) latest.set(snapshot.monitor, result);
    }
    live.restore(tracks, latest);
  };
  const following = new Subscription();
  following.add(rounds$.subscribe(mark));
  following.add(
    timer(0, every, scheduler)
      .pipe(exhaustMap(() => from(round().catch((error: unknown) => onError?.(error)))))
      .subscribe(),
  );
  return following;
}
