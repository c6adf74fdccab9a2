import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { readFileSync } from 'node:fs';
import { isIP, type LookupFunction } from 'node:net';
import { coalescedLookup } from './coalescedLookup.js';

/** Options of {@link createNonBlockingLookup}; the defaults suit production. */
export interface NonBlockingLookupOptions {
  /** The c-ares resolver to ask. Default: a new `dns.Resolver()` (system servers). */
  resolver?: dns.Resolver;
  /** Names in this hosts file go to the system lookup. Default `/etc/hosts` (missing file: none). */
  hostsFile?: string;
  /**
   * The system lookup (getaddrinfo) used where the system knows better. Default `dns.lookup`.
   * Calls to it are coalesced per name ({@link coalescedLookup}).
   */
  systemLookup?: LookupFunction;
}

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * A `lookup` for sockets that does not tie up libuv's threadpool (4 threads) while DNS is slow.
 *
 * `dns.lookup` (getaddrinfo) blocks a threadpool thread per query, so a few slow names can stall
 * every other check, file read and zlib call. This asks c-ares (`dns.Resolver`, non-blocking) for
 * A/AAAA records instead. It still uses `dns.lookup` where the system knows better: IP literals,
 * `localhost` and `*.localhost`, and names listed in the hosts file; and when c-ares has no answer
 * (`ENOTFOUND`, `ENODATA`, unreachable server), so nsswitch sources still work. A c-ares timeout
 * fails at once with `EAI_AGAIN` instead of falling back: falling back there is what would stall.
 * The system lookup runs at most once at a time per name ({@link coalescedLookup}): a name that
 * does not exist (a `.invalid` host, a typo) goes to getaddrinfo on every check, and when that is
 * slower than the checks come, calls would queue on the threadpool without end, each keeping its
 * aborted socket and request in memory.
 *
 * With `family` 0 it asks for both A and AAAA and lists IPv4 first, so `autoSelectFamily` (happy
 * eyeballs) connects at once on IPv4-only hosts.
 *
 * ## Example
 * ```ts
 * const agent = new http.Agent({ lookup: createNonBlockingLookup() });
 * ```
 *
 * @param options Resolver, hosts file and system lookup, for tests.
 * @returns A function with the signature of `dns.lookup`, for `net.connect`'s `lookup` option.
 */
export function createNonBlockingLookup(options: NonBlockingLookupOptions = {}): LookupFunction {
  const resolver = options.resolver ?? new dns.Resolver();
  const hostNames = readHostNames(options.hostsFile ?? '/etc/hosts');
  const systemLookup = coalescedLookup(options.systemLookup ?? (dns.lookup as LookupFunction));
  return function nonBlockingLookup(hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void {
    const name = hostname.toLowerCase();
    if (isIP(hostname) !== 0 || name === 'localhost' || name.endsWith('.localhost') || hostNames.has(name)) {
      systemLookup(hostname, lookupOptions, callback);
      return;
    }
    const family = familyOf(lookupOptions.family);
    const wanted = family === 0 ? 2 : 1;
    const found: LookupAddress[][] = [[], []];
    let pending = wanted;
    let timedOut = false;
    const collect = (slot: 0 | 1, ipFamily: 4 | 6) => (error: NodeJS.ErrnoException | null, addresses: string[]) => {
      if (error === null) found[slot] = addresses.map((address) => ({ address, family: ipFamily }));
      else if (error.code === dns.TIMEOUT) timedOut = true;
      if (--pending > 0) return;
      const all = [...(found[0] as LookupAddress[]), ...(found[1] as LookupAddress[])];
      if (all.length > 0) {
        if (lookupOptions.all === true) callback(null, all);
        else callback(null, (all[0] as LookupAddress).address, (all[0] as LookupAddress).family);
      } else if (timedOut) {
        callback(dnsTimeout(hostname), '');
      } else {
        systemLookup(hostname, lookupOptions, callback);
      }
    };
    if (family !== 6) resolver.resolve4(hostname, collect(0, 4));
    if (family !== 4) resolver.resolve6(hostname, collect(1, 6));
  } as LookupFunction;
}

function familyOf(family: LookupOptions['family']): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

function dnsTimeout(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`DNS lookup of ${hostname} timed out`), {
    code: 'EAI_AGAIN',
    syscall: 'queryA',
    hostname,
  });
}

/** The names (lower case) a hosts file lists; empty when it cannot be read. */
function readHostNames(file: string): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const fields = (line.split('#', 1)[0] ?? '').trim().split(/\s+/);
    for (let i = 1; i < fields.length; i++) names.add((fields[i] as string).toLowerCase());
  }
  return names;
}
