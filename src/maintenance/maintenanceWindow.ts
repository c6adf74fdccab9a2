import type { MaintenanceSpec } from '../config/types.js';

/** Where a maintenance window comes from: the config file, or `rxmon maintenance start` / the API (kept in the store). */
export type MaintenanceSource = 'config' | 'adhoc';

/** A maintenance window rxmon evaluates: a `maintenance:` entry of the config, or an ad hoc one from the store. */
export type MaintenanceWindow = MaintenanceSpec & {
  source: MaintenanceSource;
  /** An ad hoc window's id (the store's key). */
  id?: string;
};

/** One occurrence of a window that is on at some instant: `[startMs, endMs)`. */
export interface ActiveWindow {
  window: MaintenanceWindow;
  /** Start of this occurrence, ms since the epoch (inclusive). */
  startMs: number;
  /** End of this occurrence, ms since the epoch (exclusive). */
  endMs: number;
}

/** A monitor as maintenance sees it: its name and group. */
export interface MaintainedMonitor {
  name: string;
  group?: string;
}

/**
 * Whether a window covers a monitor: named in `monitors`, its group in `groups`, or both lists
 * empty (a global window). A pure calculation.
 *
 * @param window The window.
 * @param monitor The monitor's name and group.
 * @returns True when the window applies.
 */
export function appliesTo(window: MaintenanceWindow, monitor: MaintainedMonitor): boolean {
  if (window.monitors.length === 0 && window.groups.length === 0) return true;
  return window.monitors.includes(monitor.name) || (monitor.group !== undefined && window.groups.includes(monitor.group));
}

/** A window occurrence as the API, the status page and the CLI show it. */
export interface WindowView {
  name: string;
  source: MaintenanceSource;
  /** ISO 8601 (UTC). */
  start: string;
  /** ISO 8601 (UTC). */
  end: string;
  /** An ad hoc window's reason. */
  reason?: string;
  /** An ad hoc window's id. */
  id?: string;
}

/**
 * The JSON face of a window occurrence: name, source, start and end (ISO), and an ad hoc window's
 * reason and id.
 *
 * @param active The occurrence.
 * @returns The view.
 */
export function windowView({ window, startMs, endMs }: ActiveWindow): WindowView {
  return {
    name: window.name,
    source: window.source,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    ...(window.kind === 'once' && window.reason !== undefined ? { reason: window.reason } : {}),
    ...(window.id === undefined ? {} : { id: window.id }),
  };
}
