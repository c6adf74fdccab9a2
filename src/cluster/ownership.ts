import { EMPTY, Observable, type SchedulerLike, Subject, asyncScheduler, catchError, concat, defer, exhaustMap, ignoreElements, map, merge, of, takeUntil, tap, timeout, timer } from 'rxjs';
import type { Coordinator } from './coordinator.js';
import { planRound } from './planRound.js';

/** A change of the slots this instance checks. */
export type OwnershipChange =
  /** Start checking these slots' monitors. */
  | { kind: 'acquired'; slots: number[] }
  /** Stop checking these slots' monitors (`fenced`: the connection to PostgreSQL was lost). */
  | { kind: 'released'; slots: number[]; fenced: boolean };

/** How the cluster looks after a round. */
export interface ClusterStatus {
  kind: 'status';
  /** The live instances. */
  live: string[];
  /** Who holds each locked slot. */
  holders: Map<number, string>;
  /** This instance's fair share. */
  share: number;
  /** Slots this instance checks now. */
  checking: number;
  /** Why this instance holds no slots, when it was fenced. */
  fencedBy?: unknown;
}

/** Everything {@link ownership} emits. */
export type ClusterEvent = OwnershipChange | ClusterStatus;

/** What {@link ownership} needs. */
export interface OwnershipOptions {
  coordinator: Coordinator;
  /** How many slots the cluster has. */
  slots: number;
  /** Time between rounds, ms. */
  heartbeatEvery: number;
  /** Stop checking this long after the last heartbeat that succeeded was sent, ms. */
  fenceAfter: number;
  /** How long a released slot stays locked after its monitors stopped, ms (their last results reach the store). */
  releaseHold: number;
  scheduler?: SchedulerLike;
}

/**
 * The ownership loop of one instance: a round every `heartbeatEvery` (never two at once) heartbeats
 * through the coordinator, plans with {@link planRound}, releases its excess (stop first, unlock
 * after `releaseHold`) or locks free slots (checked at once, or after the wait the coordinator
 * says, when the last owner did not release cleanly). It fences itself — every slot `released` with
 * `fenced: true` and the connection dropped — when the connection breaks or when no heartbeat sent
 * within the last `fenceAfter` has succeeded; the next round reconnects.
 *
 * ```
 * heartbeats:  -m-m-m-X-----m-m     (X: the connection breaks)
 * ownership:   -a-s-s-(fs)--s-a     (a: acquired, s: status, f: released, fenced)
 * ```
 *
 * @param options The coordinator, the slot count and the bounds.
 * @returns The changes and a status after each round; never completes by itself.
 */
export function ownership({ coordinator, slots, heartbeatEvery, fenceAfter, releaseHold, scheduler = asyncScheduler }: OwnershipOptions): Observable<ClusterEvent> {
  return new Observable<ClusterEvent>((subscriber) => {
    const owned = new Set<number>();
    const warming = new Map<number, number>();
    const releasing = new Map<number, number>();
    // Released before they ever started (still waiting out an unclean hand-over): unlocked without the clean mark.
    const unstarted = new Set<number>();
    let lastOkSent: number | undefined;
    let lastView: Omit<ClusterStatus, 'kind' | 'checking' | 'fencedBy'> = { live: [], holders: new Map(), share: 0 };
    const fenced$ = new Subject<void>();
    const now = () => scheduler.now();
    const holding = () => owned.size + warming.size + releasing.size > 0;

    const status = (fencedBy?: unknown) => subscriber.next({ kind: 'status', ...lastView, checking: owned.size, ...(fencedBy === undefined ? {} : { fencedBy }) });
    const fence = (why: unknown) => {
      const stopped = [...owned];
      owned.clear();
      warming.clear();
      releasing.clear();
      unstarted.clear();
      lastOkSent = undefined;
      fenced$.next();
      coordinator.reset();
      if (stopped.length > 0) subscriber.next({ kind: 'released', slots: stopped, fenced: true });
      lastView = { ...lastView, holders: new Map(), share: 0 };
      status(why);
    };
    const promoteWarm = () => {
      const ready = [...warming].filter(([, at]) => at <= now()).map(([slot]) => slot);
      for (const slot of ready) {
        warming.delete(slot);
        owned.add(slot);
      }
      if (ready.length > 0) subscriber.next({ kind: 'acquired', slots: ready });
    };

    const round$ = defer(() => {
      const sent = now();
      return coordinator.heartbeat().pipe(
        exhaustMap((membership) => {
          lastOkSent = sent;
          const plan = planRound({ slots, me: coordinator.instance, live: membership.live, holders: membership.holders, owned: new Set([...owned, ...warming.keys()]), releasing: new Set(releasing.keys()) });
          lastView = { live: membership.live, holders: membership.holders, share: plan.share };
          const stopped: number[] = [];
          for (const slot of plan.release) {
            if (warming.delete(slot)) {
              releasing.set(slot, now());
              unstarted.add(slot);
            } else if (owned.delete(slot)) {
              stopped.push(slot);
              releasing.set(slot, now() + releaseHold);
            }
          }
          // Stop first: the monitors end here, synchronously, before any unlock below.
          if (stopped.length > 0) subscriber.next({ kind: 'released', slots: stopped, fenced: false });
          const due = [...releasing].filter(([, at]) => at <= now()).map(([slot]) => slot);
          const unlock = (batch: number[], clean: boolean) =>
            batch.length === 0
              ? EMPTY
              : coordinator.unlock(batch, clean).pipe(
                  tap(() => batch.forEach((slot) => (releasing.delete(slot), unstarted.delete(slot)))),
                  ignoreElements(),
                );
          const unlock$ = concat(unlock(due.filter((slot) => !unstarted.has(slot)), true), unlock(due.filter((slot) => unstarted.has(slot)), false));
          const lock$ =
            plan.acquire.length === 0
              ? EMPTY
              : coordinator.lock(plan.acquire).pipe(
                  tap((locked) => {
                    for (const { slot, waitMs } of locked) warming.set(slot, now() + waitMs);
                  }),
                  ignoreElements(),
                );
          return concat(unlock$, lock$, of(undefined));
        }),
        map(() => {
          promoteWarm();
          status();
        }),
        // A round that hangs (a connection that neither answers nor breaks) must not outlive the bound.
        timeout({ first: fenceAfter }),
        takeUntil(fenced$),
        catchError((error: unknown) => {
          fence(error);
          return EMPTY;
        }),
      );
    });

    const rounds = timer(0, heartbeatEvery, scheduler).pipe(exhaustMap(() => round$)).subscribe();
    // The watchdog: the bound holds even while a round waits, and between rounds.
    const watchdog = merge(
      timer(0, Math.max(1, Math.floor(heartbeatEvery / 4)), scheduler).pipe(map(() => undefined)),
      coordinator.lost$.pipe(map((error) => ({ error }))),
    ).subscribe((lost) => {
      if (lost !== undefined) fence(lost.error);
      else if (holding() && (lastOkSent === undefined || now() - lastOkSent >= fenceAfter)) fence(new Error(`no heartbeat succeeded for ${fenceAfter} ms`));
      else promoteWarm();
    });
    return () => {
      rounds.unsubscribe();
      watchdog.unsubscribe();
      fenced$.complete();
    };
  });
}
