/**
 * rxmon's maintenance room: windows in which checks go on (marked `maintenance: true`) but no alert
 * is sent, from the config (`maintenance:`) and ad hoc (`rxmon maintenance start`, the API; kept in
 * the store).
 *
 * Owns: the pure evaluation of a window at an instant (`windowAt`, `maintenanceAt`), the streams
 * driven by a scheduler (`activeWindows$`, `maintenance$`, the polled ad hoc windows) and the
 * operators the daemon applies (`markMaintenance` on results, `suppressDuringMaintenance` on
 * state changes).
 * May import: `config/types`, `check/` and `operators/` types, the `Store` interface, croner. Never
 * the CLI, the API or the status page; the composition root (`cli/runDaemon.ts`) wires it in.
 */
export { type ActiveWindowsOptions, activeWindows$, sameOccurrence, sameOccurrences } from './activeWindows.js';
export { AD_HOC_NAME, AD_HOC_POLL_MS, type AdHocWindowsParams, adHocWindow, adHocWindows$ } from './adHocWindows.js';
export { type MaintenanceState, maintenanceAt } from './maintenanceAt.js';
export { type MaintenanceChange, maintenance$, maintenanceChanges } from './maintenanceStream.js';
export { type MaintenanceStreams, type MaintenanceStreamsParams, maintenanceStreams } from './maintenanceStreams.js';
export { type ActiveWindow, type MaintainedMonitor, type MaintenanceSource, type MaintenanceWindow, type WindowView, appliesTo, windowView } from './maintenanceWindow.js';
export { dropDuringMaintenance } from './dropDuringMaintenance.js';
export { markMaintenance } from './markMaintenance.js';
export { suppressDuringMaintenance } from './suppressDuringMaintenance.js';
export { type Occurrence, nextStartAfter, occurrenceAt } from './windowAt.js';
