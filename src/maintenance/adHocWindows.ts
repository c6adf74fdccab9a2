import { isDeepStrictEqual } from 'node:util';
import { EMPTY, type Observable, type ObservableInput, type SchedulerLike, asyncScheduler, catchError, defer, distinctUntilChanged, map, merge, switchMap, timer } from 'rxjs';
import type { AdHocWindow } from '../storage/store.js';
import type { MaintenanceWindow } from './maintenanceWindow.js';

/** How often the daemon re-reads ad hoc windows from the store, ms: what another instance or the CLI wrote is seen within this. */
export const AD_HOC_POLL_MS = 5_000;

/** The name every ad hoc window carries (its `reason` says why). */
export const AD_HOC_NAME = 'ad hoc';

/**
 * An ad hoc window of the store as a window to evaluate: a one-off window of its monitor or group.
 *
 * @param row The stored window.
 * @returns The window.
 */
export function adHocWindow(row: AdHocWindow): MaintenanceWindow {
  return {
    kind: 'once',
    source: 'adhoc',
    id: row.id,
    name: AD_HOC_NAME,
    monitors: row.monitor === undefined ? [] : [row.monitor],
    groups: row.group === undefined ? [] : [row.group],
    startMs: row.startMs,
    endMs: row.endMs,
    ...(row.reason === undefined ? {} : { reason: row.reason }),
  };
}

/** What {@link adHocWindows$} reads. */
export interface AdHocWindowsParams {
  /** A `Store`, or anything that reads the windows not over at an instant (a Promise or an Observable). */
  store: { maintenance(nowMs: number): ObservableInput<AdHocWindow[]> };
  /** Poll period, ms. Default {@link AD_HOC_POLL_MS}. */
  everyMs?: number;
  /** Each value asks for a read now (this instance just wrote one through the API). */
  refresh$?: Observable<unknown>;
  scheduler?: SchedulerLike;
  /** Wall-clock now, ms since the epoch. Default `scheduler.now()`. */
  now?: () => number;
  /** Told about a read that failed (the last list stays; the next poll tries again). */
  onError?: (error: unknown) => void;
}

/**
 * The ad hoc windows kept in the store, polled: read at once, every `everyMs`, and on each
 * `refresh$`; a newer read replaces one still running. Emits only when the list changes; a failed
 * read is reported and skipped (errors are values: the stream never errors).
 *
 * ```
 * polls:   r----r----r--
 * store:   []   [w]  [w]
 * output:  a----b-------   (a: [], b: [w])
 * ```
 *
 * @param params The store, the period, the refresh requests, the clock.
 * @returns The windows not over yet.
 */
export function adHocWindows$({ store, everyMs = AD_HOC_POLL_MS, refresh$ = EMPTY, scheduler = asyncScheduler, now = () => scheduler.now(), onError }: AdHocWindowsParams): Observable<readonly MaintenanceWindow[]> {
  return merge(timer(0, everyMs, scheduler), refresh$).pipe(
    switchMap(() =>
      defer(() => store.maintenance(now())).pipe(
        map((rows): readonly AdHocWindow[] => rows),
        catchError((error: unknown) => {
          onError?.(error);
          return EMPTY;
        }),
      ),
    ),
    distinctUntilChanged<readonly AdHocWindow[]>(isDeepStrictEqual),
    map((rows) => rows.map(adHocWindow)),
  );
}
