/** rxmon's Prometheus metrics: create them, feed them check results, expose `registry`. */
export { type MetricsOptions, type RxmonMetrics, createMetrics } from './createMetrics.js';
export { recordMetrics } from './recordMetrics.js';
export { CHECK_DURATION_BUCKETS, SCHEDULE_LAG_BUCKETS } from './metricFamilies.js';
