import type { CheckResult } from '../check/checkResult.js';
import type { MetricFamilies } from './metricFamilies.js';
import { PROBE_PHASES, probeValues } from './probeValues.js';

/** The series of one monitor at one URL: the `probe_*` gauges, bound to their labels once. */
export interface TargetSeries {
  /** Sets every `probe_*` gauge from one result. */
  record(result: CheckResult): void;
  /** Drops every `probe_*` series of this monitor and URL. */
  remove(): void;
}

/** The series of one monitor that carry no URL: counters and the duration histogram. */
export interface MonitorSeries {
  /** Counts one result and observes its duration. */
  record(result: CheckResult): void;
  /** Drops every such series of this monitor. */
  remove(): void;
}

/**
 * Binds the `probe_*` gauges to one monitor and (masked) URL, so that recording a result does no
 * label lookups of its own. `probe_ssl_earliest_cert_expiry` is set only while the last result
 * carried a certificate and dropped otherwise, like blackbox_exporter, which exposes it only for a
 * probe that saw one.
 *
 * @param families The registered metrics.
 * @param monitor The monitor's name.
 * @param url The URL label value, already masked.
 * @returns The bound series.
 */
export function bindTargetSeries(families: MetricFamilies, monitor: string, url: string): TargetSeries {
  const labels = { monitor, url };
  const success = families.probeSuccess.labels(labels);
  const duration = families.probeDuration.labels(labels);
  const statusCode = families.probeStatusCode.labels(labels);
  const contentLength = families.probeContentLength.labels(labels);
  const redirects = families.probeRedirects.labels(labels);
  const certExpiry = families.probeCertExpiry.labels(labels);
  const phases = PROBE_PHASES.map((phase) => ({ phase, gauge: families.probePhaseDuration.labels({ ...labels, phase }) }));
  let hasCertExpiry = false;
  return {
    record(result) {
      const values = probeValues(result);
      success.set(values.success);
      duration.set(values.durationSeconds);
      statusCode.set(values.statusCode);
      contentLength.set(values.contentLength);
      redirects.set(values.redirects);
      for (const { phase, gauge } of phases) gauge.set(values.phaseSeconds[phase]);
      if (values.certExpiry !== undefined) {
        certExpiry.set(values.certExpiry);
        hasCertExpiry = true;
      } else if (hasCertExpiry) {
        families.probeCertExpiry.remove(labels);
        hasCertExpiry = false;
      }
    },
    remove() {
      families.probeSuccess.remove(labels);
      families.probeDuration.remove(labels);
      families.probeStatusCode.remove(labels);
      families.probeContentLength.remove(labels);
      families.probeRedirects.remove(labels);
      families.probeCertExpiry.remove(labels);
      for (const { phase } of phases) families.probePhaseDuration.remove({ ...labels, phase });
    },
  };
}

/**
 * Binds rxmon's per-monitor counters and histogram to one monitor. Both `result` values of
 * `rxmon_checks_total` start at 0, so `increase(...{result="fail"}[5m])` works from the first check.
 *
 * @param families The registered metrics.
 * @param monitor The monitor's name.
 * @returns The bound series.
 */
export function bindMonitorSeries(families: MetricFamilies, monitor: string): MonitorSeries {
  const ok = families.checks.labels({ monitor, result: 'ok' });
  const fail = families.checks.labels({ monitor, result: 'fail' });
  const duration = families.checkDuration.labels({ monitor });
  const errorsByCode = new Map<string, ReturnType<MetricFamilies['checkErrors']['labels']>>();
  ok.inc(0);
  fail.inc(0);
  return {
    record(result) {
      (result.ok ? ok : fail).inc();
      duration.observe(result.durationMs / 1000);
      if (result.error) {
        let errors = errorsByCode.get(result.error.code);
        if (!errors) {
          errors = families.checkErrors.labels({ monitor, code: result.error.code });
          errorsByCode.set(result.error.code, errors);
        }
        errors.inc();
      }
    },
    remove() {
      families.checks.remove({ monitor, result: 'ok' });
      families.checks.remove({ monitor, result: 'fail' });
      families.checkDuration.remove({ monitor });
      for (const code of errorsByCode.keys()) families.checkErrors.remove({ monitor, code });
    },
  };
}
