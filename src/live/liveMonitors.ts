import { type Observable, Subject } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { HealthUpdate } from '../operators/healthSteps.js';
import type { HealthSnapshot } from '../storage/store.js';
import type { WindowView } from '../maintenance/maintenanceWindow.js';

/** A monitor as it is now: what the page, the API and the badges show first. */
export interface LiveMonitor {
  name: string;
  /** The monitor's `group` (absent: ungrouped). */
  group?: string;
  /** `pending` until its health thresholds first decide; `maintenance` while in a maintenance window (whatever its health). */
  state: 'up' | 'down' | 'pending' | 'maintenance';
  /** The maintenance window it is in now; absent outside one. */
  maintenance?: WindowView;
  /** `startedAt` of the result that decided the current state. */
  since?: string;
  /** The latest result (secrets masked), or absent before the first one. */
  last?: CheckResult;
  /** The monitor's spec. */
  spec: ResolvedMonitorSpec;
  /** In a cluster: the instance that checks it now (kept by `src/cluster`). */
  instance?: string;
}

/**
 * Every configured monitor's current state and latest result, kept from the daemon's health
 * updates (the same `healthSteps` the alerts and the store follow): no second health computation.
 * Restored from the store after a restart. Memory: one entry per monitor.
 *
 * ## Example
 * ```ts
 * const live = new LiveMonitors(config.monitors);
 * live.restore(await store.resume(), lastResults);
 * updates$.subscribe((update) => live.apply(update));
 * live.changes$.subscribe((monitor) => sendDelta(monitor));
 * ```
 */
export class LiveMonitors {
  private entries = new Map<string, LiveMonitor>();
  /** Each monitor's health state, which `state` shows outside maintenance. */
  private readonly health = new Map<string, 'up' | 'down' | 'pending'>();
  private readonly changed = new Subject<LiveMonitor>();
  private readonly listChanged = new Subject<void>();

  /** Each monitor after each result (the same object as {@link get} returns, updated in place). */
  readonly changes$: Observable<LiveMonitor> = this.changed.asObservable();
  /** A value each time the monitor list changes (a reload). */
  readonly monitorsChanged$: Observable<void> = this.listChanged.asObservable();

  /** @param specs The configured monitors, in config order. */
  constructor(specs: readonly ResolvedMonitorSpec[]) {
    this.setMonitors(specs);
  }

  /**
   * Replaces the monitor list (a reload): kept names keep their state and latest result, new ones
   * are pending, removed ones go.
   *
   * @param specs The monitors now configured, in config order.
   */
  setMonitors(specs: readonly ResolvedMonitorSpec[]): void {
    const next = new Map<string, LiveMonitor>();
    for (const spec of specs) {
      const kept = this.entries.get(spec.name);
      next.set(spec.name, kept ? Object.assign(kept, { spec, group: spec.group }) : { name: spec.name, ...(spec.group === undefined ? {} : { group: spec.group }), state: 'pending', spec });
      if (kept && spec.group === undefined) delete kept.group;
    }
    this.entries = next;
    this.listChanged.next();
  }

  /**
   * Takes back the state before a restart.
   *
   * @param tracks Stored health tracks.
   * @param lastResults Each monitor's latest stored result.
   */
  restore(tracks: readonly HealthSnapshot[], lastResults: ReadonlyMap<string, CheckResult> = new Map()): void {
    for (const snapshot of tracks) {
      const entry = this.entries.get(snapshot.monitor);
      if (!entry) continue;
      if (snapshot.track.state !== 'unknown') this.setHealth(entry, snapshot.track.state);
      if (snapshot.since !== undefined) entry.since = snapshot.since;
    }
    for (const [name, result] of lastResults) {
      const entry = this.entries.get(name);
      if (entry) entry.last = result;
    }
  }

  /**
   * Takes in one result with its monitor's health (ignored for a monitor not configured).
   *
   * @param update From `healthSteps`.
   */
  apply({ result, track, since }: HealthUpdate): void {
    const entry = this.entries.get(result.monitor);
    if (!entry) return;
    entry.last = result;
    if (track.state !== 'unknown') this.setHealth(entry, track.state);
    if (since !== undefined) entry.since = since;
    if (this.changed.observed) this.changed.next(entry);
  }

  /**
   * Puts a monitor in maintenance (with the window) or takes it out (ignored for a monitor not
   * configured): its `state` reads `maintenance` meanwhile, then its health state again.
   *
   * @param name The monitor.
   * @param window The window it is in now, or `undefined` when it left.
   */
  setMaintenance(name: string, window: WindowView | undefined): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    if (window) entry.maintenance = window;
    else delete entry.maintenance;
    entry.state = window ? 'maintenance' : (this.health.get(name) ?? 'pending');
    if (this.changed.observed) this.changed.next(entry);
  }

  private setHealth(entry: LiveMonitor, state: 'up' | 'down'): void {
    this.health.set(entry.name, state);
    if (entry.maintenance === undefined) entry.state = state;
  }

  /**
   * @param name A monitor name.
   * @returns The monitor, or `undefined` when it is not configured.
   */
  get(name: string): LiveMonitor | undefined {
    return this.entries.get(name);
  }

  /** @returns Every configured monitor, in config order. */
  list(): LiveMonitor[] {
    return [...this.entries.values()];
  }

  /** Ends {@link changes$} and {@link monitorsChanged$}. */
  stop(): void {
    this.changed.complete();
    this.listChanged.complete();
  }
}
