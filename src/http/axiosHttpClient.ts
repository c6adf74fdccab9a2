import axios, { type AxiosAdapter, AxiosHeaders, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { injectable } from 'inversify';
import type { CheckError } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { HttpClient, HttpOutcome, HttpResponseInfo } from './httpClient.js';
import { HOP_MARKS, type HopMarks, type WithHopMarks } from './hopMarks.js';
import { maskUrl } from './maskUrl.js';
import { AgentPool } from './agentPool.js';
import { createNonBlockingLookup } from './nonBlockingLookup.js';
import { PhaseClock } from './phaseClock.js';
import { readBody } from './readBody.js';
import { isFollowableRedirect, isSameOrigin, nextRedirectStep } from './redirect.js';
import { hostNeedsDns, planRequest, type RequestPlan } from './requestPlan.js';
import { timingTransport } from './timingTransport.js';
import { describeTransportError, handshakeClosed, incompleteBody, isHandshakeClose } from './transportError.js';
import { type OriginConnectOptions, type WarmUpLimits, type WarmUpReport, warmUpPaths } from './warmUp.js';

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

/** What a hop's axios config is made from (a {@link Hop}, or the plan for the first one). */
interface HopRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly data?: Buffer | undefined;
  readonly basicAuth?: RequestPlan['basicAuth'] | undefined;
}

/** A spec's plan and the `AxiosHeaders` of its first hop, both made once. */
interface PlannedRequest {
  plan: RequestPlan;
  firstHeaders: AxiosHeaders;
}

/** Methods for which axios's `dispatchRequest` defaults the Content-Type (kept for the same requests). */
const FORM_DEFAULT_METHODS = new Set(['post', 'put', 'patch']);

/**
 * The HTTP adapter over axios: one exchange per call, on a fresh connection per hop, with phase
 * timings from the socket's events, redirects followed hop by hop, and the body read with a limit.
 *
 * - **Timings.** axios's `transport` option is {@link timingTransport}: `http(s).request` plus
 *   marks from `lookup`, `connect`, `secureConnect` and the first byte; a {@link PhaseClock} turns
 *   them into `dnsMs`, `connectMs`, `tlsMs`, `firstByteMs`, `transferMs` (summed over hops, adding
 *   up to `durationMs`). Like curl's, the clock starts when the request is handed to the transport
 *   (axios's own preparation is not time on the wire) and a complete body ends with its last bytes
 *   on the socket. Agents without keep-alive or TLS session reuse make every check connect
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
 * **Warm-up.** {@link AxiosHttpClient.warmUp} readies the path before the first timed check
 * (`warmUpPaths`): the CLI calls it at start-up, so a fresh process's first results are as
 * accurate as the steady ones.
 *
 * Per-spec work (headers, body bytes, CA file, the first hop's `AxiosHeaders`) is done once and
 * cached by spec object; specs that send the same headers share them. Agents are shared by monitors with the same
 * connection options ({@link AgentPool}).
 *
 * **The axios path.** The instance made by `axios.create` carries everything that is the same for
 * every request (the transport, `maxRedirects: 0`, raw stream, no proxy, no transforms, no
 * interceptors); those defaults are merged once (`axios.mergeConfig`) into one base config, a
 * spec's headers made into `AxiosHeaders` once, and each check hands an extension of the base
 * (`Object.create(base)` plus URL, method, body, agents, headers and `signal`) to the instance's own
 * adapter (`axios.getAdapter(instance.defaults.adapter)`, axios's http adapter). That skips what
 * `instance.request` redoes per call for a config that never changes — merging with the defaults,
 * flattening, header objects, the interceptor chain, empty transforms — and about a fifth of a
 * check's CPU with it, while the request itself is still axios's.
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
  /** The instance's own adapter (axios's http adapter), called with fully made configs. */
  private readonly send: AxiosAdapter;
  /** Agents shared by specs with the same connection options; DNS through c-ares for every socket. */
  private readonly agents = new AgentPool(createNonBlockingLookup());
  private readonly plans = new WeakMap<ResolvedMonitorSpec, PlannedRequest>();
  /**
   * The instance defaults merged once (`axios.mergeConfig`), as a plain object: the prototype of
   * every request's config, which only adds what is its own (URL, method, body, agents, headers,
   * signal). One prototype for all, so no spec holds a config object of its own (V8 gives each
   * object used as a prototype its own hidden class: over 1 KB a spec).
   */
  private readonly base: InternalAxiosRequestConfig;
  /**
   * First-hop headers shared by specs that send the same ones (same method, no body, no basic
   * credentials): axios's adapter normalizes and completes them in place on each request, the
   * same way for each of those specs.
   */
  private readonly sharedHeaders = new Map<string, Readonly<Record<string, string>>>();
  /** The first-hop `AxiosHeaders` of those specs, by method and headers. */
  private readonly sharedAxiosHeaders = new Map<string, AxiosHeaders>();
  /** A number per https agent, so the warm-up tells origins with different trust apart. */
  private readonly agentIds = new Map<object, number>();

  constructor() {
    this.axios = axios.create({
      adapter: 'http',
      transport: timingTransport,
      maxRedirects: 0,
      decompress: false,
      responseType: 'stream',
      proxy: false,
      validateStatus: () => true,
      transformRequest: [],
      transformResponse: [],
    });
    this.send = axios.getAdapter(this.axios.defaults.adapter);
    this.base = { ...axios.mergeConfig(this.axios.defaults as AxiosRequestConfig, {}) } as InternalAxiosRequestConfig;
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
    const { plan, firstHeaders } = this.planFor(spec);
    if (plan.failure !== undefined) return failed(clock, spec.url, 0, plan.failure);
    const hop: Hop = {
      url: new URL(plan.href),
      secure: plan.secure,
      needsDns: plan.needsDns,
      method: plan.method,
      headers: plan.headers,
      data: plan.data,
      basicAuth: plan.basicAuth,
    };
    let headers = firstHeaders;
    let redirects = 0;
    for (;;) {
      const finalUrl = redirects === 0 ? spec.url : hop.url.href;
      let response: AxiosResponse<IncomingMessage>;
      try {
        const config = this.configFor(hop, plan, headers);
        config.signal = signal;
        response = await this.send(config);
      } catch (error) {
        const marks = marksOf((error as { request?: unknown }).request);
        clock.endHop(marks, hop);
        return failed(clock, finalUrl, redirects, signal.aborted ? aborted() : hopError(error, hop, marks));
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
        headers = hopHeaders(hop);
        redirects++;
        continue;
      }
      const read = await readBody(res, spec.maxBodyBytes);
      // A complete body ended with the last bytes on the wire, not when the promise chain got to it.
      const lastByteAt = marks !== undefined && marks.lastDataAt > 0 && read.failure === undefined ? marks.lastDataAt : read.endAt;
      clock.endHop(marks, hop, Math.min(lastByteAt, read.endAt));
      const info = responseInfo(res, read.body);
      let error: CheckError | undefined;
      if (read.failure?.kind === 'tooLarge') {
        error = { code: 'BODY_TOO_LARGE', message: `body larger than ${spec.maxBodyBytes} bytes` };
      } else if (read.failure !== undefined) {
        // A body parse error (HPE_*) or a TCP reset is emitted on the request; the response only
        // sees the close. Without one, the peer closed cleanly before the body's end.
        const requestError = marks?.requestError;
        if (signal.aborted) error = aborted();
        else if (requestError !== undefined) error = describeTransportError(requestError, hop.url);
        else if (read.failure.premature) error = incompleteBody(read.bytes, info.contentLength);
        else error = describeTransportError(read.failure.error, hop.url);
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

  /**
   * Readies the request path for `specs` before the first timed check: plans one spec per distinct
   * origin (agents, TLS contexts, CA files), runs the full path against throw-away local servers and
   * opens and closes one connection (with the TLS handshake for https) per distinct origin. See
   * `warmUpPaths`.
   *
   * @param specs The monitors about to run.
   * @param limits Bounds (default: 12 local requests, 64 origins, 16 at a time, 1 s in all).
   * @returns What it did and how long it took; never rejects.
   */
  async warmUp(specs: readonly ResolvedMonitorSpec[], limits?: WarmUpLimits): Promise<WarmUpReport> {
    return warmUpPaths(specs, { request: (spec, signal) => this.request(spec, signal), connectOptions: (spec) => this.connectOptions(spec) }, limits);
  }

  /** How the agents of `spec` connect to its origin (for the warm-up); throws for a spec that cannot work. */
  private connectOptions(spec: ResolvedMonitorSpec): OriginConnectOptions {
    const { plan } = this.planFor(spec);
    if (plan.failure !== undefined) throw new Error(plan.failure.message);
    const url = new URL(plan.href);
    const secure = url.protocol === 'https:';
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const port = Number(url.port) || (secure ? 443 : 80);
    const agent = plan.httpsAgent.options as typeof plan.httpsAgent.options & { family?: number; autoSelectFamily?: boolean };
    let agentId = this.agentIds.get(plan.httpsAgent);
    if (agentId === undefined) this.agentIds.set(plan.httpsAgent, (agentId = this.agentIds.size));
    return {
      key: `${url.protocol}//${url.host}|${agentId}`,
      host,
      port,
      secure,
      net: { host, port, lookup: agent.lookup, family: agent.family, autoSelectFamily: agent.autoSelectFamily },
      tls: secure
        ? { secureContext: agent.secureContext, rejectUnauthorized: agent.rejectUnauthorized, servername: plan.needsDns ? host : undefined }
        : undefined,
    };
  }

  /** The spec's plan and first-hop headers, made on first use. */
  private planFor(spec: ResolvedMonitorSpec): PlannedRequest {
    let planned = this.plans.get(spec);
    if (planned === undefined) {
      const plan = planRequest(spec, this.agents);
      const headersKey = JSON.stringify(Object.entries(plan.headers));
      this.shareHeaders(plan, headersKey);
      planned = { plan, firstHeaders: this.firstHeaders(plan, headersKey) };
      this.plans.set(spec, planned);
    }
    return planned;
  }

  /** Replaces (in place) a fresh plan's header record by the one of plans with the same headers (`key`). */
  private shareHeaders(plan: RequestPlan, key: string): void {
    const shared = this.sharedHeaders.get(key);
    if (shared === undefined) this.sharedHeaders.set(key, plan.headers);
    else (plan as { headers: RequestPlan['headers'] }).headers = shared;
  }

  /** The `AxiosHeaders` of a plan's first hop: shared by plans that send the same headers (`key`) the same way. */
  private firstHeaders(plan: RequestPlan, key: string): AxiosHeaders {
    if (plan.data !== undefined || plan.basicAuth !== undefined) return hopHeaders(plan);
    const methodKey = `${plan.method}\u0000${key}`;
    let headers = this.sharedAxiosHeaders.get(methodKey);
    if (headers === undefined) this.sharedAxiosHeaders.set(methodKey, (headers = hopHeaders(plan)));
    return headers;
  }

  /**
   * The complete axios config of one request: the instance defaults merged with the hop's request,
   * as `Axios.request` and `dispatchRequest` would make it (lower-case method, `AxiosHeaders`, the
   * form Content-Type default for POST/PUT/PATCH). The defaults are inherited from {@link base};
   * the hop's own members are a handful of property writes per request.
   */
  private configFor(hop: HopRequest, plan: RequestPlan, headers: AxiosHeaders): InternalAxiosRequestConfig {
    // A plain-object prototype (mergeConfig's has none): axios reads a config's inherited members
    // only up to a null prototype.
    const config = Object.create(this.base) as InternalAxiosRequestConfig;
    config.url = hop.url.href;
    config.method = hop.method.toLowerCase();
    if (hop.data !== undefined) config.data = hop.data;
    if (hop.basicAuth !== undefined) config.auth = hop.basicAuth;
    config.httpAgent = plan.httpAgent;
    config.httpsAgent = plan.httpsAgent;
    config.headers = headers;
    return config;
  }
}

/** A hop's request headers as `AxiosHeaders`, with the form Content-Type default of POST/PUT/PATCH. */
function hopHeaders(hop: Pick<HopRequest, 'headers' | 'method'>): AxiosHeaders {
  const headers = new AxiosHeaders(hop.headers);
  if (FORM_DEFAULT_METHODS.has(hop.method.toLowerCase())) headers.setContentType('application/x-www-form-urlencoded', false);
  return headers;
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

/** A failed hop's error: `TLS_HANDSHAKE_CLOSED` for a clean close during the handshake, else as Node says. */
function hopError(error: unknown, hop: Hop, marks: HopMarks | undefined): CheckError {
  const handshakeStarted = hop.secure && marks !== undefined && marks.connectAt > 0 && marks.secureAt === 0;
  return isHandshakeClose(error, handshakeStarted) ? handshakeClosed(hop.url) : describeTransportError(error, hop.url);
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
