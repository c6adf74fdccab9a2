/** rxmon's reusable operators over check results. */
export { health, type HealthOptions, type MonitorState } from './health.js';
export type { Thresholds } from './healthTransition.js';
export { availability, type Availability } from './availability.js';
export { latency, type Latency } from './latency.js';
export { overloadReports, type OverloadReport } from './overloadReports.js';
