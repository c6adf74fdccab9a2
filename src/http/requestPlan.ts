import type http from 'node:http';
import type https from 'node:https';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { CheckError } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { AgentPool } from './agentPool.js';
import { maskUrl } from './maskUrl.js';

/** Everything about a monitor's request that does not change from check to check. */
export interface RequestPlan {
  /**
   * The monitor URL, normalized (`new URL(spec.url).href`). Kept as text: a `URL` object is about
   * 250 bytes a spec, and parsing it again per request costs a microsecond or two.
   */
  readonly href: string;
  /** `https:`: a TLS phase is expected. */
  readonly secure: boolean;
  /** Whether the monitor URL's host is a name (not an IP literal). */
  readonly needsDns: boolean;
  readonly method: string;
  /** Request headers: defaults, then the user's, then auth. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body bytes: a string as-is, an object as JSON. */
  readonly data?: Buffer;
  /** Basic credentials from `auth: { username, password }` (axios's `auth`). */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Fresh connection per request (no keep-alive), the spec's IP family and lookup; shared. */
  readonly httpAgent: http.Agent;
  /** As `httpAgent`, plus the TLS options; no TLS session reuse, so every check does a full handshake. */
  readonly httpsAgent: https.Agent;
  /** A problem with the spec itself (unreadable CA file, bad URL): every check fails with it. */
  readonly failure?: CheckError;
}

/** Headers sent unless the user sets them (compared case-insensitively). */
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  'User-Agent': 'rxmon',
  Accept: '*/*',
  // Bytes on the wire are the bytes reported: ask for no compression (axios decompress is off).
  'Accept-Encoding': 'identity',
};

/**
 * Works out once per monitor what every check of it sends: method, headers, body bytes,
 * credentials, and the agents carrying the connection options (no keep-alive, IP family, DNS
 * lookup, TLS trust), taken from `agents` (shared by monitors with the same options). The CA file
 * is read here, once.
 *
 * Headers are the defaults (`User-Agent: rxmon`, `Accept: *\/*`, `Accept-Encoding: identity`), then
 * `Content-Type: application/json` for an object body, then the user's headers (which win, compared
 * case-insensitively), then `Authorization: Bearer …` for `auth: { bearer }`.
 *
 * @param spec The monitor.
 * @param agents Where the agents come from.
 * @returns The plan; `failure` set when the spec cannot work (code `INVALID_URL` or `TLS_CA_UNREADABLE`).
 */
export function planRequest(spec: ResolvedMonitorSpec, agents: AgentPool): RequestPlan {
  // By lower-case name, in sending order (a header set again moves to the end, as delete-and-add would).
  const headers = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(DEFAULT_HEADERS)) setHeader(headers, name, value);
  let data: Buffer | undefined;
  if (typeof spec.body === 'string') {
    data = Buffer.from(spec.body, 'utf8');
  } else if (spec.body !== undefined) {
    data = Buffer.from(JSON.stringify(spec.body), 'utf8');
    setHeader(headers, 'Content-Type', 'application/json');
  }
  for (const [name, value] of Object.entries(spec.headers)) setHeader(headers, name, value);
  let basicAuth: RequestPlan['basicAuth'];
  if (spec.auth !== undefined) {
    if ('bearer' in spec.auth) setHeader(headers, 'Authorization', `Bearer ${spec.auth.bearer}`);
    else basicAuth = { username: spec.auth.username, password: spec.auth.password };
  }

  const family = spec.ipFamily === 'ipv4' ? 4 : spec.ipFamily === 'ipv6' ? 6 : undefined;
  let failure: CheckError | undefined;
  let caPem: string | undefined;
  if (spec.tls.ca !== undefined) {
    try {
      caPem = readFileSync(spec.tls.ca, 'utf8');
    } catch (error) {
      failure = { code: 'TLS_CA_UNREADABLE', message: `cannot read TLS CA file ${spec.tls.ca}: ${(error as Error).message}` };
    }
  }
  const { httpAgent, httpsAgent } = agents.agentsFor({ family, insecure: spec.tls.insecure, caPem });

  let url: URL;
  try {
    url = new URL(spec.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      failure ??= { code: 'INVALID_URL', message: `unsupported scheme ${url.protocol} in ${maskUrl(spec.url)}` };
    }
  } catch {
    url = new URL('http://invalid.invalid/');
    failure ??= { code: 'INVALID_URL', message: `invalid URL ${maskUrl(spec.url)}` };
  }

  return {
    href: url.href,
    secure: url.protocol === 'https:',
    needsDns: hostNeedsDns(url),
    method: spec.method.toUpperCase(),
    // Made in one go: an object whose keys were deleted is a slow, dictionary-mode one.
    headers: Object.fromEntries(headers.values()),
    data,
    basicAuth,
    httpAgent,
    httpsAgent,
    failure,
  };
}

/**
 * @param url A URL.
 * @returns True when its host is a name to resolve, false for an IP literal.
 */
export function hostNeedsDns(url: URL): boolean {
  const host = url.hostname;
  return isIP(host.startsWith('[') ? host.slice(1, -1) : host) === 0;
}

/** Sets a header, replacing one of the same name in any case. */
function setHeader(headers: Map<string, [string, string]>, name: string, value: string): void {
  const lower = name.toLowerCase();
  headers.delete(lower);
  headers.set(lower, [name, value]);
}
