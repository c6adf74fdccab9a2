/**
 * A fault for the soak, loaded into the daemon with `node --import <this file>`: the system resolver
 * (`dns.lookup`, getaddrinfo) answers as this project's machine does on a bad day, slower than the
 * checks come. Every call still goes to the real `dns.lookup`, but through 4 slots (libuv's
 * threadpool has 4 threads, and getaddrinfo holds one per call) and taking at least
 * `RXMON_SLOW_LOOKUP_MS` (default 2 s: here getaddrinfo of a name that does not exist takes 5 s
 * for about one call in six and ~1 ms for the rest on a good day, 15–25 s per call when the
 * resolver is busy). So at most 4 / 2 s = 2 lookups a second complete, and a daemon that starts one getaddrinfo per
 * check of a missing name (issue 17) queues the rest without end, whatever the real resolver does
 * today. Names c-ares answers, IP literals and `localhost` never come here or are unaffected in kind.
 *
 * With `RXMON_SLOW_LOOKUP_STATS=<file>` it writes `{ "waiting": n, "running": n, "calls": n }` there
 * every 500 ms: calls queued for a slot, calls in a slot, calls so far.
 */
import dns from 'node:dns';
import { writeFileSync } from 'node:fs';

const SLOTS = 4;
const MIN_MS = Number(process.env.RXMON_SLOW_LOOKUP_MS ?? 2_000);
const realLookup = dns.lookup;
const queue = [];
let busy = 0;
let calls = 0;

const statsFile = process.env.RXMON_SLOW_LOOKUP_STATS;
if (statsFile) {
  const write = () => writeFileSync(statsFile, JSON.stringify({ waiting: queue.length, running: busy, calls }));
  write();
  setInterval(write, 500).unref();
}

function next() {
  while (busy < SLOTS && queue.length > 0) {
    const { hostname, options, callback } = queue.shift();
    busy += 1;
    const startedAt = performance.now();
    realLookup(hostname, options, (...answer) => {
      setTimeout(
        () => {
          busy -= 1;
          next();
          callback(...answer);
        },
        Math.max(0, MIN_MS - (performance.now() - startedAt)),
      );
    });
  }
}

dns.lookup = function slowLookup(hostname, options, callback) {
  if (typeof options === 'function') [options, callback] = [{}, options];
  calls += 1;
  queue.push({ hostname, options: typeof options === 'number' ? { family: options } : (options ?? {}), callback });
  next();
};
