/**
 * The result contract of one check. Later work, the benchmark and outside tools read these names:
 * keep them.
 */

/** Why a check failed: a stable machine-readable `code` and a message a person understands. */
export interface CheckError {
  /**
   * `TIMEOUT` when the check's timeout fired; an expectation code such as `UNEXPECTED_STATUS`;
   * otherwise the system or TLS code (`ECONNREFUSED`, `ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`, …).
   */
  code: string;
  /** One line, for people. Never contains secrets. */
  message: string;
}

/**
 * Where the time of a check went, in ms on a monotonic clock (like blackbox_exporter's
 * `probe_http_duration_seconds` phases and curl's `-w` timings). A phase that did not happen is 0.
 * Summed across redirect hops. The phases add up to `durationMs`.
 */
export interface PhaseTimings {
  /** DNS lookup. 0 for an IP literal. */
  dnsMs: number;
  /** TCP connect. */
  connectMs: number;
  /** TLS handshake. 0 for http. */
  tlsMs: number;
  /** From the request being sent (connection ready) to the first response byte. */
  firstByteMs: number;
  /** From the first response byte to the last body byte. */
  transferMs: number;
}

/** One check of one monitor: the value every monitor stream emits. */
export interface CheckResult {
  /** The monitor's name (its key under `monitors:`). */
  monitor: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The configured URL (passwords masked). */
  url: string;
  /** When the check started, ISO 8601. */
  startedAt: string;
  /** True when a response arrived and every expectation held (by default: status 200–399). */
  ok: boolean;
  /** The HTTP status of the final response. Absent when no response arrived. */
  status?: number;
  /** Body bytes actually received (on the wire, across the final response). */
  bytes: number;
  /** The Content-Length header's value. Absent when it was not sent. */
  contentLength?: number;
  /** From request start to the last body byte (or to the failure), monotonic clock, ms. */
  durationMs: number;
  /** Present exactly when `ok` is false. */
  error?: CheckError;
  /** Phase timings; present when a request was attempted. */
  timings?: PhaseTimings;
  /** How many redirects were followed. */
  redirects?: number;
  /** Where the check ended after redirects (passwords masked). */
  finalUrl?: string;
  /** For https: fractional days until the leaf certificate expires. */
  certExpiresInDays?: number;
  /** Actual minus planned start of this check, ms (set by the monitor's schedule). */
  scheduleLagMs?: number;
  /**
   * Ticks of this monitor that could not run since its previous check started (its check was still
   * running or waiting for a `max_concurrent_checks` slot, or the process was held up past them).
   * Absent when none: a monitor that keeps up never carries it.
   */
  missedTicks?: number;
  /** `true` when the check started inside a maintenance window of its monitor (absent otherwise). */
  maintenance?: true;
}
