import type { MaintenanceWindow } from '../../src/maintenance/maintenanceWindow.js';

/** A recurring config window (every monitor unless `monitors`/`groups` say otherwise). */
export function recurring(cron: string, durationMs: number, timezone = 'Europe/Berlin', more: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return { kind: 'recurring', name: 'nightly', source: 'config', monitors: [], groups: [], cron, timezone, durationMs, ...more } as MaintenanceWindow;
}

/** A one-off window from `start` to `end` (ISO). */
export function once(start: string, end: string, more: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return { kind: 'once', name: 'deploy', source: 'config', monitors: [], groups: [], startMs: Date.parse(start), endMs: Date.parse(end), ...more } as MaintenanceWindow;
}

/** Minutes and hours in ms. */
export const MIN = 60_000;
export const HOUR = 3_600_000;
