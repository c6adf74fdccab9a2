import type { CheckError, PhaseTimings } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';

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
 * transport failure is `error` with a system code (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`,
 * `TOO_MANY_REDIRECTS`, `BODY_TOO_LARGE`, TLS codes, …).
 */
export interface HttpOutcome {
  /** Present when a final response arrived (its headers at least). */
  response?: HttpResponseInfo;
  /** Body bytes actually received for the final response. */
  bytes: number;
  /** Request start to last body byte, or to the failure; monotonic clock, ms. */
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
}
