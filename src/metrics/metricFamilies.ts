import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Labels of the per-target `probe_*` gauges. */
export type ProbeLabel = 'monitor' | 'url';

/**
 * `rxmon_check_duration_seconds` buckets: 5 ms … 10 s (Prometheus's usual latency buckets).
 */
export const CHECK_DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** `rxmon_schedule_lag_seconds` buckets: 1 ms … 10 s. */
export const SCHEDULE_LAG_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Every metric rxmon exposes besides the process metrics, registered in one registry. */
export interface MetricFamilies {
  probeSuccess: Gauge<ProbeLabel>;
  probeDuration: Gauge<ProbeLabel>;
  probeStatusCode: Gauge<ProbeLabel>;
  probeContentLength: Gauge<ProbeLabel>;
  probePhaseDuration: Gauge<ProbeLabel | 'phase'>;
  probeRedirects: Gauge<ProbeLabel>;
  probeCertExpiry: Gauge<ProbeLabel>;
  checks: Counter<'monitor' | 'result'>;
  checkErrors: Counter<'monitor' | 'code'>;
  checkDuration: Histogram<'monitor'>;
  scheduleLag: Histogram<never>;
  missedTicks: Counter<never>;
  monitors: Gauge<never>;
  storeWrites: Counter<'result'>;
  storeWrittenResults: Counter<never>;
  storeDroppedResults: Counter<never>;
  storePendingResults: Gauge<never>;
  storePrunedRows: Counter<never>;
  alertDeliveries: Counter<'alert' | 'type' | 'outcome'>;
}

/**
 * Creates rxmon's metrics in `registry`. The `probe_*` names and meanings are blackbox_exporter's,
 * with `monitor` and `url` labels added (blackbox gets those from the scrape target instead), so its
 * dashboards and alert rules carry over. The help strings are the README's metric table.
 *
 * @param registry Where to register them (rxmon's own registry, never prom-client's global one).
 * @returns The metric objects.
 */
export function registerMetricFamilies(registry: Registry): MetricFamilies {
  const registers = [registry];
  const probe = (name: string, help: string) =>
    new Gauge<ProbeLabel>({ name, help, labelNames: ['monitor', 'url'], registers });
  return {
    probeSuccess: probe('probe_success', 'Whether the last check succeeded (1) or failed (0).'),
    probeDuration: probe('probe_duration_seconds', 'How long the last check took, in seconds.'),
    probeStatusCode: probe(
      'probe_http_status_code',
      'HTTP status code of the last final response; 0 when no response arrived.',
    ),
    probeContentLength: probe(
      'probe_http_content_length',
      'Content-Length of the last response; -1 when the header was absent, 0 when no response arrived.',
    ),
    probePhaseDuration: new Gauge({
      name: 'probe_http_duration_seconds',
      help: 'Duration of the last check by phase, summed over all redirects, in seconds.',
      labelNames: ['monitor', 'url', 'phase'],
      registers,
    }),
    probeRedirects: probe('probe_http_redirects', 'Number of redirects the last check followed.'),
    probeCertExpiry: probe(
      'probe_ssl_earliest_cert_expiry',
      'Expiry of the TLS leaf certificate seen by the last check, in unix seconds (https only).',
    ),
    checks: new Counter({
      name: 'rxmon_checks_total',
      help: 'Checks completed, by result (ok or fail).',
      labelNames: ['monitor', 'result'],
      registers,
    }),
    checkErrors: new Counter({
      name: 'rxmon_check_errors_total',
      help: 'Failed checks, by error code (TIMEOUT, ECONNREFUSED, UNEXPECTED_STATUS, ...).',
      labelNames: ['monitor', 'code'],
      registers,
    }),
    checkDuration: new Histogram({
      name: 'rxmon_check_duration_seconds',
      help: 'Duration of checks, in seconds.',
      labelNames: ['monitor'],
      buckets: [...CHECK_DURATION_BUCKETS],
      registers,
    }),
    scheduleLag: new Histogram({
      name: 'rxmon_schedule_lag_seconds',
      help: 'How late checks started: actual minus planned start, in seconds.',
      buckets: [...SCHEDULE_LAG_BUCKETS],
      registers,
    }),
    missedTicks: new Counter({
      name: 'rxmon_missed_ticks_total',
      help: 'Scheduled checks that could not run: the monitor was still checking (or waiting for a max_concurrent_checks slot), or the process was held up past the tick.',
      registers,
    }),
    monitors: new Gauge({
      name: 'rxmon_monitors',
      help: 'Monitors this instance runs (its shard only, when sharded).',
      registers,
    }),
    storeWrites: new Counter({
      name: 'rxmon_store_writes_total',
      help: 'Batched writes to the store, by result (ok or error).',
      labelNames: ['result'],
      registers,
    }),
    storeWrittenResults: new Counter({
      name: 'rxmon_store_written_results_total',
      help: 'Check results written to the store.',
      registers,
    }),
    storeDroppedResults: new Counter({
      name: 'rxmon_store_dropped_results_total',
      help: 'Check results dropped unwritten: the store was away longer than the buffer holds, or at shutdown.',
      registers,
    }),
    storePendingResults: new Gauge({
      name: 'rxmon_store_pending_results',
      help: 'Check results waiting to be written to the store.',
      registers,
    }),
    storePrunedRows: new Counter({
      name: 'rxmon_store_pruned_rows_total',
      help: 'Rows deleted from the store by retention.',
      registers,
    }),
    alertDeliveries: new Counter({
      name: 'rxmon_alert_deliveries_total',
      help: 'Alerts handed to a provider, by alert name, provider type and outcome (delivered, failed or dropped).',
      labelNames: ['alert', 'type', 'outcome'],
      registers,
    }),
  };
}
