import { Registry } from 'prom-client';
import type { CheckResult } from '../check/checkResult.js';
import { maskUrl as maskUrlPassword } from '../http/maskUrl.js';
import { registerMetricFamilies } from './metricFamilies.js';
import { type MonitorSeries, type TargetSeries, bindMonitorSeries, bindTargetSeries } from './monitorSeries.js';
import { registerProcessMetrics } from './processMetrics.js';

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Adds the constant label `shard` (such as `"0/3"`) to every metric. Absent or empty: no label. */
  shard?: string;
  /**
   * Makes a URL safe for a label. Default: `maskUrl` (the password or lone user part of the URL). Pass your own to also hide
   * secrets in query strings; it should be idempotent (results carry already-masked URLs).
   */
  maskUrl?: (url: string) => string;
  /** Also expose prom-client's process metrics (`process_*`, `nodejs_*`; see {@link registerProcessMetrics}). Default true. */
  processMetrics?: boolean;
}

/** rxmon's metrics: a registry to expose, fed with check results. */
export interface RxmonMetrics {
  /** rxmon's own prom-client registry (never the global one): serve `registry.metrics()`. */
  readonly registry: Registry;
  /**
   * Records one check result: sets the monitor's `probe_*` gauges, counts it, observes its duration
   * and schedule lag. Cheap: label-bound series are cached per monitor and URL.
   */
  observe(result: CheckResult): void;
  /** Sets `rxmon_monitors`. */
  setMonitorCount(count: number): void;
  /**
   * Drops a monitor's series (on reload, when it was removed or changed). With `url`, only that
   * URL's `probe_*` series; the monitor's counters and histogram go once none of its URLs is left.
   * Without `url`, everything of the monitor. Unknown names are ignored.
   */
  removeMonitor(monitor: string, url?: string): void;
  /** Counts what the storage sink did: `rxmon_store_*`. */
  recordStore(event: StoreMetricEvent): void;
  /** Counts one alert's fate at one provider: `rxmon_alert_deliveries_total{alert,type,outcome}`. */
  recordAlertDelivery(event: AlertDeliveryMetricEvent): void;
}

/** What the alert sinks report to the metrics: the alert's name and type, and what became of one alert. */
export interface AlertDeliveryMetricEvent {
  alert: string;
  type: string;
  outcome: 'delivered' | 'failed' | 'dropped';
}

/** What the storage sink reports to the metrics. */
export type StoreMetricEvent =
  | { kind: 'written'; results: number; pending: number }
  | { kind: 'failed'; pending: number }
  | { kind: 'dropped'; count: number }
  | { kind: 'pruned'; rows: number };

interface MonitorEntry {
  series: MonitorSeries;
  targets: Map<string, TargetSeries>;
}

/**
 * Creates rxmon's metrics in a registry of their own: blackbox_exporter's `probe_*` gauges per
 * monitor and URL, rxmon's counters and histograms, and the process metrics. URLs are masked before
 * they become label values; secrets never reach `/metrics`.
 *
 * ## Example
 * ```ts
 * const metrics = createMetrics({ shard: '0/3' });
 * metrics.setMonitorCount(config.monitors.length);
 * recordMetrics({ results$, metrics });
 * const text = await metrics.registry.metrics();
 * ```
 *
 * @param options Shard label, URL masking, process metrics.
 * @returns The metrics.
 */
export function createMetrics({ shard, maskUrl = maskUrlPassword, processMetrics = true }: MetricsOptions = {}): RxmonMetrics {
  const registry = new Registry();
  if (shard) registry.setDefaultLabels({ shard });
  if (processMetrics) registerProcessMetrics(registry);
  const families = registerMetricFamilies(registry);
  const monitors = new Map<string, MonitorEntry>();

  function entryOf(monitor: string): MonitorEntry {
    let entry = monitors.get(monitor);
    if (!entry) {
      entry = { series: bindMonitorSeries(families, monitor), targets: new Map() };
      monitors.set(monitor, entry);
    }
    return entry;
  }

  function targetOf(entry: MonitorEntry, monitor: string, rawUrl: string): TargetSeries {
    let target = entry.targets.get(rawUrl);
    if (!target) {
      target = bindTargetSeries(families, monitor, maskUrl(rawUrl));
      entry.targets.set(rawUrl, target);
    }
    return target;
  }

  return {
    registry,
    observe(result) {
      const entry = entryOf(result.monitor);
      targetOf(entry, result.monitor, result.url).record(result);
      entry.series.record(result);
      if (result.scheduleLagMs !== undefined) families.scheduleLag.observe(Math.max(0, result.scheduleLagMs) / 1000);
      if (result.missedTicks !== undefined) families.missedTicks.inc(result.missedTicks);
    },
    setMonitorCount(count) {
      families.monitors.set(count);
    },
    recordStore(event) {
      switch (event.kind) {
        case 'written':
          families.storeWrites.inc({ result: 'ok' });
          families.storeWrittenResults.inc(event.results);
          families.storePendingResults.set(event.pending);
          break;
        case 'failed':
          families.storeWrites.inc({ result: 'error' });
          families.storePendingResults.set(event.pending);
          break;
        case 'dropped':
          families.storeDroppedResults.inc(event.count);
          break;
        case 'pruned':
          families.storePrunedRows.inc(event.rows);
          break;
      }
    },
    recordAlertDelivery({ alert, type, outcome }) {
      families.alertDeliveries.inc({ alert, type, outcome });
    },
    removeMonitor(monitor, url) {
      const entry = monitors.get(monitor);
      if (!entry) return;
      const masked = url === undefined ? undefined : maskUrl(url);
      for (const [rawUrl, target] of entry.targets) {
        if (masked === undefined || maskUrl(rawUrl) === masked) {
          target.remove();
          entry.targets.delete(rawUrl);
        }
      }
      if (entry.targets.size === 0) {
        entry.series.remove();
        monitors.delete(monitor);
      }
    },
  };
}
