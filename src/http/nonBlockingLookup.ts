import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { coalescedLookup } from './coalescedLookup.js';
import { HostsTable } from './hostsTable.js';

/** Options of {@link createNonBlockingLookup}; the defaults suit production. */
export interface NonBlockingLookupOptions {
  /** The c-ares resolver to ask. Default: a new `dns.Resolver()` (system servers). */
  resolver?: dns.Resolver;
  /** Names in this hosts file are answered from it. Default `/etc/hosts` (missing file: none). */
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
 * A/AAAA records instead.
 *
 * Names that need no resolver are answered in the process, on the next tick (as curl does, and as
 * getaddrinfo's `files` source would, without the ~0.5–1 ms round trip through the threadpool that
 * would otherwise land in `dnsMs`): an IP literal is its own answer; a name the hosts file lists gets
 * the file's addresses ({@link HostsTable}, re-read when the file changes); `localhost` and
 * `*.localhost` not in the file are loopback (`127.0.0.1`, `::1`; RFC 6761). When none of those
 * addresses has the asked family, the system lookup answers.
 *
 * `dns.lookup` is still used when c-ares has no answer
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
  const hosts = new HostsTable(options.hostsFile ?? '/etc/hosts');
  const systemLookup = coalescedLookup(options.systemLookup ?? (dns.lookup as LookupFunction));
  return function nonBlockingLookup(hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void {
    const family = familyOf(lookupOptions.family);
    const local = localAddresses(hostname, hosts);
    if (local !== undefined) {
      const usable = family === 0 ? local : local.filter((entry) => entry.family === family);
      if (usable.length > 0) process.nextTick(answer, lookupOptions, callback, usable);
      else systemLookup(hostname, lookupOptions, callback);
      return;
    }
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
        answer(lookupOptions, callback, all);
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

const LOOPBACK: readonly LookupAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

/** The addresses known without a resolver: an IP literal, a hosts-file name, `localhost`; else undefined. */
function localAddresses(hostname: string, hosts: HostsTable): readonly LookupAddress[] | undefined {
  const literal = isIP(hostname);
  if (literal !== 0) return [{ address: hostname, family: literal }];
  const listed = hosts.addressesOf(hostname);
  if (listed !== undefined) return listed;
  const name = hostname.toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') ? LOOPBACK : undefined;
}

/** Calls back with every address (`all`) or the first, each caller getting its own copies. */
function answer(lookupOptions: LookupOptions, callback: LookupCallback, addresses: readonly LookupAddress[]): void {
  const first = addresses[0] as LookupAddress;
  if (lookupOptions.all === true) callback(null, addresses.map((entry) => ({ ...entry })));
  else callback(null, first.address, first.family);
}
