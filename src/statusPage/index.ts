/** rxmon's status page: `GET /` (HTML) and `GET /events` (Server-Sent Events) on the listener. */
export { type StatusPage, type StatusPageParams, createStatusPage } from './createStatusPage.js';
export { type CheckEvent, type MonitorsEvent, type StatusEvent, checkEvent } from './statusEvents.js';
export type { LastCheck, LastError, LatencySample, MonitorView, PageState } from './monitorView.js';
export { type SseOptions, sseResponse } from './sseResponse.js';
export { HEARTBEAT_FRAME, sseFrames } from './sseFrames.js';
export { type StatusPageContent, STATUS_PAGE_CSP, pageTitle, renderStatusPage } from './renderStatusPage.js';
export { renderMonitorCard, STATE_LABELS } from './renderMonitorCard.js';
export { renderSummary } from './renderSummary.js';
export { sparklineSvg } from './sparklineSvg.js';
export { escapeHtml } from './escapeHtml.js';
export { refreshSeconds } from './refreshSeconds.js';
export { HistoryRing } from './historyRing.js';
export { UptimeBuckets } from './uptimeBuckets.js';
export { StatusBoard } from './statusBoard.js';
export { type RestartableHealthOptions, restartableHealth } from './restartableHealth.js';
export { type StatusStep, statusSteps } from './statusSteps.js';
