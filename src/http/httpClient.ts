import type { CheckError, PhaseTimings } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { WarmUpReport } from './warmUp.js';

/** The final response of an exchange, as far as it was read. */
export interface HttpResponseInfo {
  status: number;
  /** Header names in lower case; repeated headers joined with ', '. */
  headers: Readonly<Record<string, string>>;
  /** The body as received, at most `maxBodyBytes` of it (undecoded bytes). */
  body: Buffer;
  /** The Content-Length header's value, when sent. */
  contentLength?: number;
}

/**
 * What one HTTP exchange (a request and its redirects) came to. The adapter never rejects: a
 * transport failure is `error` with a system code (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`,
 * `ECONNRESET` for a real reset), an HTTP parser code (`HPE_*`), a TLS code kept as Node gives it
 * (`DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_TLS_CERT_ALTNAME_INVALID`, …), or one of rxmon's:
 * `TOO_MANY_REDIRECTS`, `UNSUPPORTED_REDIRECT`, `BODY_TOO_LARGE`, `INCOMPLETE_BODY` (a clean close
 * before the body ended), `TLS_HANDSHAKE_CLOSED`, `TLS_CA_UNREADABLE`, `INVALID_URL`, `ABORTED`.
 */
export interface HttpOutcome {
  /** Present when a final response arrived (its headers at least). */
  response?: HttpResponseInfo;
  /** Body bytes actually received for the final response. */
  bytes: number;
  /** The first network action (lookup start, or connection attempt for an IP literal) to the last body byte, or to the failure; monotonic clock, ms. */
  durationMs: number;
  /** Phases summed over every hop; they add up to `durationMs`. */
  timings: PhaseTimings;
  /** Redirect hops followed. */
  redirects: number;
  /** Where the exchange ended. */
  finalUrl: string;
  /** For https: fractional days until the leaf certificate of the final hop expires. */
  certExpiresInDays?: number;
  /** A transport failure. Expectations are not this adapter's business. */
  error?: CheckError;
}

/**
 * The HTTP adapter: the only place that touches Promises and sockets. Bound in the container under
 * `TYPES.HttpClient`; tests rebind it.
 */
export interface HttpClient {
  /** Performs one exchange for `spec`. Resolves, never rejects; aborts (and resolves) when `signal` aborts. */
  request(spec: ResolvedMonitorSpec, signal: AbortSignal): Promise<HttpOutcome>;
  /**
   * Optional: gets the request path ready for `specs` before the first timed check (modules, JIT,
   * one connection per origin), so a fresh process measures the targets, not itself. Resolves,
   * never rejects. Fakes leave it out.
   */
  warmUp?(specs: readonly ResolvedMonitorSpec[]): Promise<WarmUpReport>;
}
