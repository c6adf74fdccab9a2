/**
 * rxmon's status page: `GET /` (the overview), `GET /events` (Server-Sent Events of deltas) and
 * `GET /monitors/<name>` (a monitor's history from the store), on the listener. It reads
 * `src/live/` (the monitors' current state) and `src/storage/` (the `Store` interface); it owns no
 * state of its own beyond a short-lived uptime cache.
 */
export { type StatusPage, type StatusPageParams, createStatusPage } from './createStatusPage.js';
export { type PageDelta, type DeltaFramesOptions, deltaFrame, deltaFrames, pageDelta } from './pageDeltas.js';
export { type OverviewContent, type StateCounts, STATE_TEXT, countStates, headline, overviewTitle, renderOverview } from './renderOverview.js';
export { type MonitorPageContent, UPTIME_WINDOWS, renderMonitorPage, renderNotFound } from './renderMonitorPage.js';
export { type ChartBin, type ChartRange, CHART_RANGES, PHASES, binBuckets, binResults } from './chartBins.js';
export { phaseChartSvg, describeBin } from './phaseChartSvg.js';
export { type Incident, incidentsOf } from './incidents.js';
export { UptimeCache, type UptimeCacheOptions } from './uptimeCache.js';
export { STATUS_CSP, renderDocument } from './pageDocument.js';
export { type SseOptions, sseResponse, sseStream } from './sseResponse.js';
export { HEARTBEAT_FRAME, sseFrames, withHeartbeat } from './sseFrames.js';
export { escapeHtml } from './escapeHtml.js';
export { refreshSeconds } from './refreshSeconds.js';
