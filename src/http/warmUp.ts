import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { HttpOutcome } from './httpClient.js';
import { WARM_UP_TLS } from './warmUpCertificate.js';

/** What a warm-up did and what it cost; `durationMs` is the time it held the first check back. */
export interface WarmUpReport {
  /** Wall time of the whole warm-up, ms. */
  durationMs: number;
  /** Requests sent to the throw-away local server (the full request path, JIT and lazy modules). */
  localRequests: number;
  /** Distinct origins (scheme, host, port and TLS trust) of the monitors. */
  origins: number;
  /** Origins opened and closed (TCP connect, and the TLS handshake for https) within the budget. */
  opened: number;
  /** Origins that failed or did not answer within the budget (their first check pays as before). */
  unreached: number;
}

/** Limits of {@link warmUpPaths}; the defaults keep start-up prompt. */
export interface WarmUpLimits {
  /** Requests over the full path to the local servers, taking turns: http and https, IP literal and `localhost`. Default 16. */
  localRequests?: number;
  /** At most this many distinct origins are opened. Default 64. */
  maxOrigins?: number;
  /** Origins opened at the same time. Default 16. */
  concurrency?: number;
  /** The whole warm-up ends after this, ms; unanswered origins are abandoned. Default 1,000. */
  budgetMs?: number;
}

/** How {@link warmUpPaths} reaches the HTTP adapter. */
export interface WarmUpPorts {
  /** One exchange over the adapter's full path (the adapter's own `request`). */
  request(spec: ResolvedMonitorSpec, signal: AbortSignal): Promise<HttpOutcome>;
  /** The socket options the adapter would use for `spec`: lookup, family, TLS trust (secure context). */
  connectOptions(spec: ResolvedMonitorSpec): OriginConnectOptions;
}

/** Socket options of one origin, as the adapter's agents would connect. */
export interface OriginConnectOptions {
  /** A key that is equal for monitors that connect the same way (origin and trust). */
  key: string;
  host: string;
  port: number;
  secure: boolean;
  net: net.NetConnectOpts;
  tls?: tls.ConnectionOptions;
}

/**
 * Warms the HTTP path up before the first timed check, so that the first check of a fresh process
 * (the daemon's first results, `--once`'s only ones) measures the target and not Node warming up.
 *
 * What the first request of a process pays otherwise, 5–10 ms spread over its phases: lazily
 * loaded modules (the HTTP parser, `net`/`tls` internals, axios's adapter), cold JIT for the
 * request path, the first lookup, the first socket and the first TLS handshake (OpenSSL's own
 * first-use set-up). Nothing is subtracted from any measurement; the work is done beforehand:
 *
 * 1. `localRequests` exchanges over the adapter's full path with throw-away `node:http` and
 *    `node:https` servers on 127.0.0.1 port 0 (the https one with {@link WARM_UP_TLS}, not
 *    verified), taking turns by IP literal and by `localhost` (closed afterwards);
 * 2. one connection to each distinct origin of the monitors (at most `maxOrigins`,
 *    `concurrency` at a time), with the monitor's own lookup, IP family and TLS trust: a TCP connect
 *    for http, a TCP connect and a full TLS handshake for https, then closed. No HTTP request is
 *    sent to any target.
 *
 * 3. one full garbage collection of start-up's garbage (see `collectStartUpGarbage`), and 20 ms
 *    for V8 to finish sweeping after it.
 *
 * Everything is bounded by `budgetMs`; an origin that is down or slow is abandoned and reported in
 * `unreached`, never an error.
 *
 * ## Example
 * ```ts
 * const report = await warmUpPaths(config.monitors, ports);
 * // { durationMs: 38.2, localRequests: 12, origins: 3, opened: 3, unreached: 0 }
 * ```
 *
 * @param specs The monitors about to run.
 * @param ports The adapter's request path and connection options.
 * @param limits Bounds; defaults suit the daemon.
 * @returns What was done; never rejects.
 */
export async function warmUpPaths(specs: readonly ResolvedMonitorSpec[], ports: WarmUpPorts, limits: WarmUpLimits = {}): Promise<WarmUpReport> {
  const startedAt = performance.now();
  const { localRequests = 16, maxOrigins = 64, concurrency = 16, budgetMs = 1_000 } = limits;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), budgetMs);
  try {
    const local = await exerciseLocally(ports, localRequests, deadline.signal);
    const origins = distinctOrigins(specs, ports);
    const chosen = origins.slice(0, maxOrigins);
    let opened = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chosen.length && !deadline.signal.aborted) {
        const origin = chosen[next++] as OriginConnectOptions;
        if (await openAndClose(origin, deadline.signal)) opened++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chosen.length) }, worker));
    if (collectStartUpGarbage()) await new Promise((resolve) => setTimeout(resolve, SWEEP_SETTLE_MS));
    return { durationMs: round(performance.now() - startedAt), localRequests: local, origins: origins.length, opened, unreached: origins.length - opened };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * After the collection, V8 sweeps the heap on a background thread (and on the main one where it
 * allocates): a check started at once pays for it (1–7 ms more `connectMs` on the 2-core machine),
 * one started 20 ms later does not.
 */
const SWEEP_SETTLE_MS = 20;

/**
 * One full garbage collection now, so that the garbage of start-up (config parsing, module loading,
 * the warm-up itself) is not collected in the middle of the first checks: a fresh process's heap
 * grows fast, and a 3–10 ms scavenge landing while a response arrives delays its first byte. Uses
 * V8's `gc` (exposed for this call with `--expose-gc`); when that is refused, nothing happens.
 *
 * @returns Whether it collected.
 */
function collectStartUpGarbage(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return true;
  } catch {
    // V8 refused: the first checks share the machine with the collector, as before.
    return false;
  }
}

/** Runs `count` exchanges against throw-away local servers; returns how many completed. */
async function exerciseLocally(ports: WarmUpPorts, count: number, signal: AbortSignal): Promise<number> {
  if (count <= 0) return 0;
  const answer: RequestListener = (req, res) => {
    req.resume();
    res.end('ok');
  };
  const servers = [createServer(answer), createSecureServer(WARM_UP_TLS, answer)];
  let done = 0;
  try {
    const [plain, secure] = await Promise.all(servers.map(listenLocally));
    const specs = [
      localSpec(`http://127.0.0.1:${plain}/`),
      localSpec(`https://127.0.0.1:${secure}/`),
      localSpec(`http://localhost:${plain}/`),
      localSpec(`https://localhost:${secure}/`),
    ];
    for (let i = 0; i < count && !signal.aborted; i++) {
      const outcome = await ports.request(specs[i % specs.length] as ResolvedMonitorSpec, signal);
      if (outcome.error === undefined) done++;
    }
  } catch {
    // No local port (a sandbox without loopback): the first check pays the warm-up, as before.
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  }
  return done;
}

function listenLocally(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * The origins of `specs`, one per key, in config order. Specs are grouped by a cheap key first (URL
 * origin, IP family, TLS trust), so only one spec per group is planned: with 10,000 monitors on a
 * few origins, planning them all here would hold the first check back by the time the first checks
 * take to plan them anyway.
 */
function distinctOrigins(specs: readonly ResolvedMonitorSpec[], ports: WarmUpPorts): OriginConnectOptions[] {
  const groups = new Set<string>();
  const seen = new Map<string, OriginConnectOptions>();
  for (const spec of specs) {
    let group: string;
    try {
      group = `${new URL(spec.url).origin}|${spec.ipFamily}|${spec.tls.insecure ? 1 : 0}|${spec.tls.ca ?? ''}`;
    } catch {
      continue; // an invalid URL: its checks fail with INVALID_URL, nothing to warm
    }
    if (groups.has(group)) continue;
    groups.add(group);
    let origin: OriginConnectOptions;
    try {
      origin = ports.connectOptions(spec);
    } catch {
      continue; // a spec that cannot work (unsupported scheme, unreadable CA): nothing to warm
    }
    if (!seen.has(origin.key)) seen.set(origin.key, origin);
  }
  return [...seen.values()];
}

/** Connects (and handshakes, for https), then closes; true when it got that far before the deadline. */
function openAndClose(origin: OriginConnectOptions, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = origin.secure ? tls.connect({ ...origin.net, ...origin.tls } as tls.ConnectionOptions) : net.connect(origin.net);
    const finish = (reached: boolean): void => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(reached);
    };
    const onAbort = (): void => finish(false);
    signal.addEventListener('abort', onAbort);
    socket.once(origin.secure ? 'secureConnect' : 'connect', () => finish(true));
    // A certificate the monitor rejects still warmed the handshake; its check reports the error.
    socket.once('error', () => finish(false));
  });
}

/** A spec for a local server: defaults, the certificate not verified (it is {@link WARM_UP_TLS}). */
function localSpec(url: string): ResolvedMonitorSpec {
  return {
    name: 'rxmon-warm-up',
    url,
    method: 'GET',
    timeout: 1_000,
    checkEvery: 1_000,
    headers: {},
    followRedirects: false,
    maxRedirects: 0,
    tls: { insecure: true },
    ipFamily: 'auto',
    maxBodyBytes: 1_024,
    expect: { status: [[200, 399]] },
    failureThreshold: 1,
    successThreshold: 1,
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
