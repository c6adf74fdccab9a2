import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * A `lookup` that runs at most one call of `lookup` at a time per name and options: whoever asks
 * while one is running waits for that one's answer instead of starting another.
 *
 * Meant for `dns.lookup` (getaddrinfo), which holds one of libuv's 4 threadpool threads per call
 * and cannot be cancelled. Without this, a name the system resolves slowly (a resolver that drops
 * a query and retries after 5 s; a `.invalid` or mistyped host checked every second by several
 * monitors) queues a call per check faster than the threadpool finishes them, and every queued call
 * keeps its aborted socket, request and check alive until it runs: memory grows without bound and
 * the threadpool is never free for anything else. With it, the threadpool holds at most one call
 * per distinct name, and waiters are released together when it answers.
 *
 * Every waiter gets its own copy of the answer (address list or error), so no caller can change
 * another's.
 *
 * ## Example
 * ```ts
 * const lookup = coalescedLookup(dns.lookup as LookupFunction);
 * lookup('db.internal', { all: true }, (error, addresses) => { … }); // one getaddrinfo …
 * lookup('db.internal', { all: true }, (error, addresses) => { … }); // … answers both
 * ```
 *
 * @param lookup The lookup to coalesce (`dns.lookup`'s signature).
 * @returns A lookup with the same signature.
 */
export function coalescedLookup(lookup: LookupFunction): LookupFunction {
  const waiting = new Map<string, LookupCallback[]>();
  return function coalesced(hostname: string, options: LookupOptions, callback: LookupCallback): void {
    const key = keyOf(hostname, options);
    const callbacks = waiting.get(key);
    if (callbacks !== undefined) {
      callbacks.push(callback);
      return;
    }
    const first = [callback];
    waiting.set(key, first);
    lookup(hostname, options, (error, address, family) => {
      waiting.delete(key);
      for (const waiter of first) {
        waiter(error === null ? null : copyError(error), Array.isArray(address) ? copyAddresses(address) : address, family);
      }
    });
  } as LookupFunction;
}

/** What makes two lookups the same question. */
function keyOf(hostname: string, options: LookupOptions): string {
  return `${hostname.toLowerCase()}|${options.family ?? 0}|${options.all === true ? 1 : 0}|${options.hints ?? 0}|${String(options.verbatim ?? '')}|${String(options.order ?? '')}`;
}

function copyAddresses(addresses: readonly LookupAddress[]): LookupAddress[] {
  return addresses.map((entry) => ({ ...entry }));
}

function copyError(error: NodeJS.ErrnoException): NodeJS.ErrnoException {
  return Object.assign(new Error(error.message), error);
}
