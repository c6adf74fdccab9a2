import type http from 'node:http';
import type https from 'node:https';
import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { TimedHttpAgent, TimedHttpsAgent, stampingLookup } from './timedAgents.js';

/** The connection options that decide which agent a monitor uses. */
export interface AgentKey {
  /** 4 or 6 for a fixed IP family; undefined for auto (happy eyeballs). */
  readonly family: 4 | 6 | undefined;
  /** Accept any certificate. */
  readonly insecure: boolean;
  /** The PEM text of the spec's `tls.ca` file, trusted besides the system's roots. */
  readonly caPem?: string;
}

/** The two agents for one {@link AgentKey}. */
export interface AgentPair {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
}

/**
 * Agents shared by every monitor with the same connection options.
 *
 * An agent without keep-alive opens a fresh connection per request and keeps nothing between
 * requests (no free sockets, no TLS sessions: `maxCachedSessions: 0`), so monitors can share one
 * without sharing connections: every check still connects and handshakes anew. Sharing saves
 * two agents per monitor (about 3 KB of heap each; 30 MB at 10,000 monitors).
 *
 * The https agent carries one `secureContext`, made with the agent: without it `tls.connect`
 * builds a context per connection (and with `tls.ca`, parses the ~140 system roots plus the CA
 * each time: 20–30 ms of CPU counted as the check's connect or DNS phase). A context holds trust
 * settings only, no sessions, so sharing it keeps every handshake full. The agents are
 * {@link TimedHttpAgent}s, instrumenting each socket as it is made.
 *
 * ## Example
 * ```ts
 * const pool = new AgentPool(createNonBlockingLookup());
 * const { httpAgent, httpsAgent } = pool.agentsFor({ family: undefined, insecure: false });
 * ```
 */
export class AgentPool {
  private readonly pairs = new Map<string, AgentPair>();

  private readonly lookup: LookupFunction;

  /** @param lookup The DNS lookup every socket uses (wrapped to stamp when each lookup starts). */
  constructor(lookup: LookupFunction) {
    this.lookup = stampingLookup(lookup);
  }

  /**
   * @param key The connection options.
   * @returns The agents for them, made on first use.
   */
  agentsFor(key: AgentKey): AgentPair {
    const id = `${key.family ?? 'auto'}|${key.insecure ? 1 : 0}|${key.caPem ?? ''}`;
    let pair = this.pairs.get(id);
    if (pair === undefined) {
      pair = makeAgents(key, this.lookup);
      this.pairs.set(id, pair);
    }
    return pair;
  }
}

function makeAgents({ family, insecure, caPem }: AgentKey, lookup: LookupFunction): AgentPair {
  const socketOptions = { keepAlive: false, lookup, family, autoSelectFamily: family === undefined };
  const secureContext = createSecureContext(caPem === undefined ? {} : { ca: [...rootCertificates, caPem] });
  return {
    httpAgent: new TimedHttpAgent(socketOptions),
    httpsAgent: new TimedHttpsAgent({ ...socketOptions, maxCachedSessions: 0, rejectUnauthorized: !insecure, secureContext }),
  };
}
