import { BehaviorSubject, type Observable, type SchedulerLike, Subject, asyncScheduler, combineLatest, map, shareReplay, startWith, takeUntil } from 'rxjs';
import type { MaintenanceSpec } from '../config/types.js';
import { activeWindows$ } from './activeWindows.js';
import { AD_HOC_POLL_MS, type AdHocWindowsParams, adHocWindows$ } from './adHocWindows.js';
import { type MaintenanceChange, maintenanceChanges } from './maintenanceStream.js';
import type { ActiveWindow, MaintainedMonitor, MaintenanceWindow } from './maintenanceWindow.js';

/** What {@link maintenanceStreams} is made from. */
export interface MaintenanceStreamsParams {
  /** Where ad hoc windows are kept. */
  store: AdHocWindowsParams['store'];
  /** The config's `maintenance:` windows (replace them on a reload with `reload`). */
  specs: readonly MaintenanceSpec[];
  /** The monitors now configured (read at each change). */
  monitors: () => readonly MaintainedMonitor[];
  /** Ends every stream (timers and polls). */
  stop$: Observable<unknown>;
  scheduler?: SchedulerLike;
  /** Ad hoc poll period, ms. Default {@link AD_HOC_POLL_MS}. */
  pollEveryMs?: number;
  onError?: (error: unknown) => void;
}

/** The daemon's maintenance streams, shared by the result marks, the alerts and the live state. */
export interface MaintenanceStreams {
  /** Config and ad hoc windows (replayed to late subscribers). */
  readonly windows$: Observable<readonly MaintenanceWindow[]>;
  /** The occurrences on now (replayed). */
  readonly active$: Observable<readonly ActiveWindow[]>;
  /** Per monitor enter and leave; each subscriber first gets the monitors in maintenance now. */
  readonly changes$: Observable<MaintenanceChange>;
  /** Re-reads the ad hoc windows now (after this instance wrote one). */
  refresh(): void;
  /** Takes the config's windows after a reload (and sees the monitors a reload added). */
  reload(specs: readonly MaintenanceSpec[]): void;
}

/**
 * Puts the maintenance room together for the daemon: config windows and the store's ad hoc
 * windows (polled every `pollEveryMs`), the occurrences on now, and per-monitor changes. Nothing
 * runs until subscribed; everything ends with `stop$`.
 *
 * @param params The store, the config windows, the monitors, the stop signal.
 * @returns The streams and their two controls.
 */
export function maintenanceStreams({ store, specs, monitors, stop$, scheduler = asyncScheduler, pollEveryMs = AD_HOC_POLL_MS, onError }: MaintenanceStreamsParams): MaintenanceStreams {
  const configured = new BehaviorSubject<readonly MaintenanceSpec[]>(specs);
  // A reload may add monitors that a window on now covers: the changes are worked out again then.
  const reloaded = new BehaviorSubject<void>(undefined);
  const refreshes = new Subject<void>();
  const now = () => scheduler.now();
  const windows$ = combineLatest([
    configured.pipe(map((list) => list.map((spec): MaintenanceWindow => ({ ...spec, source: 'config' })))),
    adHocWindows$({ store, everyMs: pollEveryMs, refresh$: refreshes, scheduler, now, ...(onError ? { onError } : {}) }).pipe(startWith([] as readonly MaintenanceWindow[])),
  ]).pipe(
    map(([fromConfig, adHoc]) => [...fromConfig, ...adHoc]),
    takeUntil(stop$),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
  const active$ = activeWindows$(windows$, { scheduler, now }).pipe(takeUntil(stop$), shareReplay({ bufferSize: 1, refCount: true }));
  return {
    windows$,
    active$,
    changes$: combineLatest([active$, reloaded]).pipe(
      map(([active]) => active),
      maintenanceChanges(monitors),
    ),
    refresh: () => refreshes.next(),
    reload: (next) => {
      configured.next(next);
      reloaded.next();
    },
  };
}
