/**
 * The orchestrator's handle on the target server process (bench/targetServer.mjs).
 */
import { fileURLToPath } from 'node:url';
import { forkHelper, nextEvent, stop } from './processes.mjs';

const SCRIPT = fileURLToPath(new URL('./targetServer.mjs', import.meta.url));

/**
 * Starts the target server in its own process and waits until it listens. `url` is on
 * `http://127.0.0.1`; `urlOn` picks scheme and host (the https twin on `tlsPort`, certificate
 * `tlsCaPem`).
 *
 * @returns {Promise<{ port: number, tlsPort: number, tlsCaPem: string, pid: number, url: (path: string) => string,
 *   urlOn: (scheme: 'http' | 'https', host: string, path: string) => string,
 *   stats: () => Promise<{ t: number, total: number, byKind: Record<string, number> }>,
 *   arrivals: () => Promise<Record<string, number[]>>, delays: () => Promise<number[]>,
 *   reset: (options?: { notifyFirst?: boolean }) => Promise<{ t: number }>,
 *   firstArrival: (ms: number) => Promise<{ t: number }>, close: () => Promise<void> }>}
 */
export async function startTarget() {
  const { child, request } = forkHelper(SCRIPT);
  const { port, tlsPort, tlsCaPem } = await nextEvent(child, 'listening', 10_000);
  return {
    port,
    tlsPort,
    tlsCaPem,
    pid: child.pid,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    urlOn: (scheme, host, path) => `${scheme}://${host}:${scheme === 'https' ? tlsPort : port}${path}`,
    stats: () => request('stats'),
    arrivals: async () => (await request('arrivals', {}, 60_000)).arrivals,
    delays: async () => (await request('delays')).delays,
    reset: (options = {}) => request('reset', options),
    firstArrival: (ms) => nextEvent(child, 'first', ms),
    close: async () => {
      await request('close', {}, 5_000).catch(() => undefined);
      await stop(child, { graceMs: 2_000 });
    },
  };
}
