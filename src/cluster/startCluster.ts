import { hostname } from 'node:os';
import { type Observable, Subject, filter, from, map, share, takeUntil, tap } from 'rxjs';
import type { ClusterSpec, ResolvedMonitorSpec } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { Registry } from 'prom-client';
import { resumeFromStore } from '../storage/resumeFromStore.js';
import type { Store } from '../storage/store.js';
import { registerClusterMetrics } from './clusterMetrics.js';
import type { Coordinator } from './coordinator.js';
import { type ClusterStep, ownedMonitors } from './ownedMonitors.js';
import { type ClusterStatus, type OwnershipChange, ownership } from './ownership.js';
import { PgCoordinator } from './pgCoordinator.js';
import { slotOf } from './slots.js';

/** What {@link startCluster} needs. */
export interface StartClusterParams {
  spec: ClusterSpec;
  /** The store's PostgreSQL URL. */
  url: string;
  store: Store;
  logger: Logger;
  registry: Registry;
  /** The store's flush interval, ms: a released slot stays locked a little longer, so its last results are stored before the next owner reads them. */
  flushEvery: number;
  shutdown$: Observable<unknown>;
  /** A coordinator to use instead of PostgreSQL (tests). */
  coordinator?: Coordinator;
}

/** A running cluster member, as the daemon sees it. */
export interface ClusterMember {
  /** This instance's name. */
  readonly instance: string;
  /** What to run, given the configured monitors (subscribe once). */
  steps(monitors$: Observable<readonly ResolvedMonitorSpec[]>): Observable<ClusterStep>;
  /** A value after each ownership round (hot; never replays). */
  readonly rounds$: Observable<ClusterStatus>;
  /** Which instance checks a monitor now (from PostgreSQL's lock table, as of the last round). */
  instanceOf(monitor: string): string | undefined;
  /** Whether this instance checks its whole fair share. */
  holdsShare(): boolean;
  /** Why `/healthz` should answer 503: not connected to PostgreSQL, or short of its share; `undefined` when it holds its share. */
  notReady(): string | undefined;
  /** Releases every slot cleanly and disconnects: after the monitors stopped and the store drained. */
  stop(): Promise<void>;
}

/**
 * Joins the cluster: the coordinator over the store's database, the {@link ownership} loop, its
 * metrics and log lines, and the monitors it owns ({@link ownedMonitors}), taken over from the
 * store. An edge function: it opens the connection lazily (the first round) and never throws.
 *
 * @param params The cluster config, the store and its URL, the logger, the registry.
 * @returns The member.
 */
export function startCluster({ spec, url, store, logger, registry, flushEvery, shutdown$, coordinator: given }: StartClusterParams): ClusterMember {
  const instance = spec.instance ?? `${hostname()}:${process.pid}`;
  const coordinator = given ?? new PgCoordinator({ url, instance, slots: spec.slots, fenceAfter: spec.fenceAfter });
  const metrics = registerClusterMetrics(registry, instance);
  let status: ClusterStatus = { kind: 'status', live: [], holders: new Map(), share: 0, checking: 0 };
  let fenced = false;
  const log = logger.child({ cluster: instance });

  const rounds$ = new Subject<ClusterStatus>();
  const events$ = ownership({ coordinator, slots: spec.slots, heartbeatEvery: spec.heartbeatEvery, fenceAfter: spec.fenceAfter, releaseHold: flushEvery + 500 }).pipe(
    tap((event) => {
      if (event.kind !== 'status') return;
      if (event.fencedBy !== undefined && !fenced) {
        log.warn({ err: { message: event.fencedBy instanceof Error ? event.fencedBy.message : String(event.fencedBy) } }, 'cluster: lost PostgreSQL; stopped every check until ownership is back');
      }
      if (event.fencedBy === undefined && fenced) log.info({ members: event.live.length }, 'cluster: connected to PostgreSQL again');
      fenced = event.fencedBy !== undefined;
      if (event.live.length !== status.live.length && event.fencedBy === undefined) log.info({ members: event.live.length, live: event.live, share: event.share }, 'cluster: members changed');
      status = event;
      metrics.status(event);
      rounds$.next(event);
    }),
    filter((event): event is OwnershipChange => event.kind !== 'status'),
    tap((change) => log.info({ slots: change.slots.length, ...(change.kind === 'released' ? { fenced: change.fenced } : {}) }, `cluster: ${change.kind} slots`)),
    takeUntil(shutdown$),
    share(),
  );

  return {
    instance,
    rounds$: rounds$.asObservable(),
    steps: (monitors$) =>
      ownedMonitors({
        monitors$,
        changes$: events$,
        slots: spec.slots,
        takeOver: (specs) => from(resumeFromStore({ store, monitors: specs, statusPage: false, historySize: 1 })).pipe(map(({ tracks, down }) => ({ tracks, down }))),
      }).pipe(tap((step) => metrics.ownedMonitors(step.specs.length))),
    instanceOf: (monitor) => status.holders.get(slotOf(monitor, spec.slots)),
    holdsShare: () => status.share > 0 && status.checking >= status.share,
    notReady: () => {
      if (status.fencedBy !== undefined || status.share === 0) return `cluster: ${instance} holds no slots (not connected to PostgreSQL yet, or fenced)`;
      if (status.checking < status.share) return `cluster: ${instance} checks ${status.checking} of its ${status.share} slots`;
      return undefined;
    },
    stop: () => coordinator.close(),
  };
}
