import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { injectable } from 'inversify';
import type { CheckError } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { HttpClient, HttpOutcome, HttpResponseInfo } from './httpClient.js';
import { HOP_MARKS, type HopMarks, type WithHopMarks } from './hopMarks.js';
import { maskUrl } from './maskUrl.js';
import { createNonBlockingLookup } from './nonBlockingLookup.js';
import { PhaseClock } from './phaseClock.js';
import { readBody } from './readBody.js';
import { isFollowableRedirect, isSameOrigin, nextRedirectStep } from './redirect.js';
import { hostNeedsDns, planRequest, type RequestPlan } from './requestPlan.js';
import { timingTransport } from './timingTransport.js';
import { describeTransportError } from './transportError.js';

const DAY_MS = 86_400_000;

/** Headers that only make sense with the body they describe. */
const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];
/** Headers that carry credentials: not sent to another origin after a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie'];

/** One hop's request, as it changes along redirects. */
interface Hop {
  url: URL;
  /** https: a TLS phase is expected. */
  secure: boolean;
  /** The host is a name: a DNS phase is expected. */
  needsDns: boolean;
  method: string;
  headers: Readonly<Record<string, string>>;
  data: Buffer | undefined;
  basicAuth: RequestPlan['basicAuth'];
}

/**
 * The HTTP adapter over axios: one exchange per call, on a fresh connection per hop, with phase
 * timings from the socket's events, redirects followed hop by hop, and the body read with a limit.
 *
 * - **Timings.** axios's `transport` option is {@link timingTransport}: `http(s).request` plus
 *   marks from `lookup`, `connect`, `secureConnect` and the first byte; a {@link PhaseClock} turns
 *   them into `dnsMs`, `connectMs`, `tlsMs`, `firstByteMs`, `transferMs` (summed over hops, adding
 *   up to `durationMs`). Agents without keep-alive or TLS session reuse make every check connect
 *   and handshake anew.
 * - **Redirects.** axios follows none (`maxRedirects: 0`); this does, like curl and browsers: 303
 *   (and 301/302 after POST) become GET without a body, 307/308 keep both; credentials only go
 *   to the same origin. Codes: `TOO_MANY_REDIRECTS` beyond `maxRedirects`; `UNSUPPORTED_REDIRECT`
 *   when the `Location` is not an http(s) URL. With `followRedirects: false` the 3xx is the answer.
 * - **Body.** Read raw (`decompress: false`, `Accept-Encoding: identity` unless set), at most
 *   `maxBodyBytes` kept; one byte more destroys the connection: `BODY_TOO_LARGE`.
 * - **Errors** are values, never rejections: system, TLS and `HPE_*` codes as Node gives them;
 *   `ABORTED` when `signal` aborted (the socket is destroyed); `INVALID_URL`,
 *   `TLS_CA_UNREADABLE` when the spec itself cannot work.
 * - **Options** from the spec: method, headers, body (object → JSON), `auth` (basic or bearer;
 *   basic credentials in the URL work too), `tls.insecure`, `tls.ca` (read once per spec),
 *   `ipFamily`, `maxBodyBytes`, `followRedirects`, `maxRedirects`. No timeout here: the check's
 *   Observable owns it and aborts through `signal`. Environment proxies are ignored (a proxy
 *   would hide the phases).
 *
 * Per-spec work (headers, body bytes, agents, CA file) is done once and cached by spec object.
 *
 * ## Example
 * ```ts
 * const client = new AxiosHttpClient();
 * const outcome = await client.request(spec, new AbortController().signal);
 * // { response: { status: 200, … }, bytes: 648, durationMs: 67.3, timings: { … }, redirects: 0, … }
 * ```
 */
@injectable()
export class AxiosHttpClient implements HttpClient {
  private readonly axios: AxiosInstance;
  /** DNS lookup for every socket: c-ares, so slow DNS does not tie up the threadpool. */
  private readonly lookup: LookupFunction = createNonBlockingLookup();
  private readonly plans = new WeakMap<ResolvedMonitorSpec, RequestPlan>();

  constructor() {
    this.axios = axios.create({
      transport: timingTransport,
      maxRedirects: 0,
      decompress: false,
      responseType: 'stream',
      proxy: false,
      validateStatus: () => true,
      transformRequest: [],
      transformResponse: [],
    });
  }

  /**
   * Performs one exchange (the request and its redirects) for `spec`.
   *
   * @param spec The monitor.
   * @param signal Aborting it ends the exchange at once with `ABORTED`.
   * @returns The outcome; never rejects.
   */
  async request(spec: ResolvedMonitorSpec, signal: AbortSignal): Promise<HttpOutcome> {
    const clock = new PhaseClock();
    const plan = this.planFor(spec);
    if (plan.failure !== undefined) return failed(clock, spec.url, 0, plan.failure);
    const hop: Hop = {
      url: plan.url,
      secure: plan.url.protocol === 'https:',
      needsDns: plan.needsDns,
      method: plan.method,
      headers: plan.headers,
      data: plan.data,
      basicAuth: plan.basicAuth,
    };
    let redirects = 0;
    for (;;) {
      const finalUrl = redirects === 0 ? spec.url : hop.url.href;
      let response: AxiosResponse<IncomingMessage>;
      try {
        response = await this.axios.request<IncomingMessage>({
          url: hop.url.href,
          method: hop.method,
          headers: hop.headers,
          data: hop.data,
          auth: hop.basicAuth,
          signal,
          httpAgent: plan.httpAgent,
          httpsAgent: plan.httpsAgent,
        });
      } catch (error) {
        clock.endHop(marksOf((error as { request?: unknown }).request), hop);
        return failed(clock, finalUrl, redirects, signal.aborted ? aborted() : describeTransportError(error, hop.url));
      }
      const res = response.data;
      const marks = marksOf(response.request);
      const location = res.headers.location;
      if (spec.followRedirects && isFollowableRedirect(res.statusCode ?? 0) && location !== undefined) {
        res.destroy();
        clock.endHop(marks, hop);
        if (redirects >= spec.maxRedirects) {
          return failed(clock, finalUrl, redirects, {
            code: 'TOO_MANY_REDIRECTS',
            message: `more than ${spec.maxRedirects} redirects (last to ${maskUrl(location)})`,
          });
        }
        const refusal = followRedirect(hop, res.statusCode ?? 0, location);
        if (refusal !== undefined) return failed(clock, finalUrl, redirects, refusal);
        redirects++;
        continue;
      }
      const read = await readBody(res, spec.maxBodyBytes);
      clock.endHop(marks, hop, read.endAt);
      const info = responseInfo(res, read.body);
      let error: CheckError | undefined;
      if (read.failure?.kind === 'tooLarge') {
        error = { code: 'BODY_TOO_LARGE', message: `body larger than ${spec.maxBodyBytes} bytes` };
      } else if (read.failure !== undefined) {
        // A body parse error (HPE_*) is emitted on the request; the response only sees the close.
        const cause = marks?.requestError ?? read.failure.error;
        error = signal.aborted ? aborted() : describeTransportError(cause, hop.url);
      }
      const outcome: HttpOutcome = {
        response: info,
        bytes: read.bytes,
        durationMs: clock.durationMs(),
        timings: clock.timings(),
        redirects,
        finalUrl: maskUrl(finalUrl),
      };
      if (marks !== undefined && marks.certValidTo > 0) {
        outcome.certExpiresInDays = (marks.certValidTo - Date.now()) / DAY_MS;
      }
      if (error !== undefined) outcome.error = error;
      return outcome;
    }
  }

  /** The spec's plan, made on first use. */
  private planFor(spec: ResolvedMonitorSpec): RequestPlan {
    let plan = this.plans.get(spec);
    if (plan === undefined) {
      plan = planRequest(spec, this.lookup);
      this.plans.set(spec, plan);
    }
    return plan;
  }
}

/**
 * Moves `hop` to the redirect target, or says why not.
 *
 * @returns undefined when followed; the `UNSUPPORTED_REDIRECT` failure otherwise.
 */
function followRedirect(hop: Hop, status: number, location: string): CheckError | undefined {
  let next: URL;
  try {
    next = new URL(location, hop.url);
  } catch {
    return { code: 'UNSUPPORTED_REDIRECT', message: `redirect to an invalid location ${maskUrl(location)}` };
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return {
      code: 'UNSUPPORTED_REDIRECT',
      message: `redirect to unsupported scheme ${next.protocol} (${maskUrl(next.href)})`,
    };
  }
  const step = nextRedirectStep(status, hop.method);
  if (!step.keepBody) {
    hop.data = undefined;
    hop.headers = withoutHeaders(hop.headers, BODY_HEADERS);
  }
  if (!isSameOrigin(hop.url, next)) {
    hop.basicAuth = undefined;
    hop.headers = withoutHeaders(hop.headers, CREDENTIAL_HEADERS);
  }
  hop.method = step.method;
  hop.url = next;
  hop.secure = next.protocol === 'https:';
  hop.needsDns = hostNeedsDns(next);
  return undefined;
}

function failed(clock: PhaseClock, finalUrl: string, redirects: number, error: CheckError): HttpOutcome {
  return {
    bytes: 0,
    durationMs: clock.durationMs(),
    timings: clock.timings(),
    redirects,
    finalUrl: maskUrl(finalUrl),
    error,
  };
}

function aborted(): CheckError {
  return { code: 'ABORTED', message: 'request aborted' };
}

function marksOf(request: unknown): HopMarks | undefined {
  return typeof request === 'object' && request !== null ? (request as WithHopMarks)[HOP_MARKS] : undefined;
}

function responseInfo(res: IncomingMessage, body: Buffer): HttpResponseInfo {
  const info: HttpResponseInfo = { status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body };
  const length = res.headers['content-length'];
  if (length !== undefined) {
    const parsed = Number(length);
    if (Number.isFinite(parsed) && parsed >= 0) info.contentLength = parsed;
  }
  return info;
}

/** Node gives `set-cookie` as an array, every other header as one string: join it like the rest. */
function flatHeaders(headers: IncomingHttpHeaders): Readonly<Record<string, string>> {
  const cookies = headers['set-cookie'];
  const flat = headers as Record<string, string>;
  return cookies === undefined ? flat : { ...flat, 'set-cookie': cookies.join(', ') };
}

function withoutHeaders(headers: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!names.includes(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}
