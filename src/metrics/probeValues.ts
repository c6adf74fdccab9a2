import type { CheckResult } from '../check/checkResult.js';

/** The `phase` label values of `probe_http_duration_seconds`, in blackbox_exporter's order. */
export const PROBE_PHASES = ['resolve', 'connect', 'tls', 'processing', 'transfer'] as const;

/** One value of the `phase` label. */
export type ProbePhase = (typeof PROBE_PHASES)[number];

/** What the `probe_*` gauges of one monitor show after one check. */
export interface ProbeValues {
  /** `probe_success`: 1 or 0. */
  success: number;
  /** `probe_duration_seconds`. */
  durationSeconds: number;
  /** `probe_http_status_code`: 0 when no response arrived. */
  statusCode: number;
  /** `probe_http_content_length`: the header's value, -1 when the response had none, 0 when no response. */
  contentLength: number;
  /** `probe_http_redirects`. */
  redirects: number;
  /** `probe_http_duration_seconds` by phase; all 0 when no request was attempted. */
  phaseSeconds: Readonly<Record<ProbePhase, number>>;
  /** `probe_ssl_earliest_cert_expiry` (unix seconds), or undefined when the check saw no certificate. */
  certExpiry: number | undefined;
}

const SECONDS_PER_DAY = 86_400;

/**
 * Turns one check result into the values of blackbox_exporter's `probe_*` gauges, with blackbox's
 * meanings: status 0 without a response; content length as Go's `resp.ContentLength` (the
 * Content-Length header, -1 when the response did not send one, 0 when there was no response);
 * phases summed over redirects; certificate expiry as unix seconds (the check's start plus
 * `certExpiresInDays`, rounded to the second), present only when the check saw a certificate.
 * A pure calculation.
 *
 * ## Example
 * ```ts
 * probeValues({ ok: true, status: 200, durationMs: 120, bytes: 5, ... }).durationSeconds; // 0.12
 * ```
 *
 * @param result One check result.
 * @returns The gauge values.
 */
export function probeValues(result: CheckResult): ProbeValues {
  const responded = result.status !== undefined;
  const timings = result.timings;
  return {
    success: result.ok ? 1 : 0,
    durationSeconds: result.durationMs / 1000,
    statusCode: result.status ?? 0,
    contentLength: responded ? (result.contentLength ?? -1) : 0,
    redirects: result.redirects ?? 0,
    phaseSeconds: {
      resolve: (timings?.dnsMs ?? 0) / 1000,
      connect: (timings?.connectMs ?? 0) / 1000,
      tls: (timings?.tlsMs ?? 0) / 1000,
      processing: (timings?.firstByteMs ?? 0) / 1000,
      transfer: (timings?.transferMs ?? 0) / 1000,
    },
    certExpiry: certExpiryUnixSeconds(result),
  };
}

function certExpiryUnixSeconds({ certExpiresInDays, startedAt }: CheckResult): number | undefined {
  if (certExpiresInDays === undefined) return undefined;
  const startedAtMs = Date.parse(startedAt);
  if (Number.isNaN(startedAtMs)) return undefined;
  return Math.round(startedAtMs / 1000 + certExpiresInDays * SECONDS_PER_DAY);
}
