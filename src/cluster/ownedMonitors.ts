import { type Observable, defer, map, merge, mergeMap, of } from 'rxjs';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorState } from '../operators/health.js';
import type { HealthSnapshot } from '../storage/store.js';
import type { OwnershipChange } from './ownership.js';
import { slotOf } from './slots.js';

/** A monitor that starts on this instance, and where its health stood (from the store). */
export interface StartedMonitor {
  monitor: string;
  /** Its stored health track; absent: never checked, or the store could not say. */
  snapshot?: HealthSnapshot;
  /** The change that made it down, when it is down: its incident is open, its alert sent. */
  down?: MonitorState;
}

/** One change of what this instance runs. */
export interface ClusterStep {
  /** Every monitor to run now (for the dispatcher, which diffs lists). */
  specs: ResolvedMonitorSpec[];
  /** Monitors that start with this step. */
  started: StartedMonitor[];
  /** Monitors that stop with this step. */
  stopped: string[];
}

/** What the store says about monitors taken over (see `resumeFromStore`). */
export interface TakenOver {
  tracks: readonly HealthSnapshot[];
  down: readonly MonitorState[];
}

/** What {@link ownedMonitors} needs. */
export interface OwnedMonitorsParams {
  /** The configured monitors: the first list, then each reload's. */
  monitors$: Observable<readonly ResolvedMonitorSpec[]>;
  /** The ownership changes of this instance. */
  changes$: Observable<OwnershipChange>;
  /** How many slots the cluster has. */
  slots: number;
  /** Reads the stored state of monitors about to start here (cold; should not error). */
  takeOver: (specs: readonly ResolvedMonitorSpec[]) => Observable<TakenOver>;
}

/**
 * What this instance runs: the configured monitors whose slot it owns. An acquired slot's monitors
 * start once their stored health has been read (so that the owner continues an incident rather than
 * open one) — unless the slot was released again meanwhile; a released slot's monitors stop at
 * once, never behind a read. A reload changes the list within the owned slots.
 *
 * ```
 * changes:      -a-----r-       (a: slot 1 acquired, r: released)
 * takeOver:      -t|            (the store's answer)
 * ownedMonitors: --S---T-       (S: slot 1's monitors start, T: they stop)
 * ```
 *
 * @param params The monitor lists, the ownership changes, the slot count, the store read.
 * @returns The steps; completes when both inputs complete.
 */
export function ownedMonitors({ monitors$, changes$, slots, takeOver }: OwnedMonitorsParams): Observable<ClusterStep> {
  return defer(() => {
    let configured: readonly ResolvedMonitorSpec[] = [];
    const owned = new Set<number>();
    let running = new Set<string>();
    // Bumped per slot on every change, so that a read that comes back late knows it is stale.
    const generation = new Map<number, number>();
    const bump = (slot: number) => generation.set(slot, (generation.get(slot) ?? 0) + 1);

    const step = (started: StartedMonitor[]): ClusterStep => {
      const specs = configured.filter((spec) => owned.has(slotOf(spec.name, slots)));
      const next = new Set(specs.map((spec) => spec.name));
      const stopped = [...running].filter((name) => !next.has(name));
      running = next;
      return { specs, started, stopped };
    };

    const configs$ = monitors$.pipe(
      map((list) => {
        const before = running;
        configured = list;
        const next = step([]);
        return { ...next, started: next.specs.filter((spec) => !before.has(spec.name)).map((spec) => ({ monitor: spec.name })) };
      }),
    );
    const ownership$ = changes$.pipe(
      mergeMap((change) => {
        change.slots.forEach(bump);
        if (change.kind === 'released') {
          change.slots.forEach((slot) => owned.delete(slot));
          return of(step([]));
        }
        const asked = new Map(change.slots.map((slot) => [slot, generation.get(slot)]));
        const specs = configured.filter((spec) => asked.has(slotOf(spec.name, slots)));
        return takeOver(specs).pipe(
          mergeMap(({ tracks, down }) => {
            const current = change.slots.filter((slot) => generation.get(slot) === asked.get(slot));
            if (current.length === 0) return [];
            current.forEach((slot) => owned.add(slot));
            const next = step([]);
            const byName = new Map(tracks.map((snapshot) => [snapshot.monitor, snapshot]));
            const downBy = new Map(down.map((state) => [state.monitor, state]));
            const started = next.specs
              .filter((spec) => current.includes(slotOf(spec.name, slots)))
              .map(({ name }): StartedMonitor => {
                const snapshot = byName.get(name);
                const state = downBy.get(name);
                return { monitor: name, ...(snapshot ? { snapshot } : {}), ...(state ? { down: state } : {}) };
              });
            return [{ ...next, started }];
          }),
        );
      }),
    );
    return merge(configs$, ownership$);
  });
}
