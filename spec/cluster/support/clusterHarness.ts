import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RunningDaemon, checksOf, listenUrl, startDaemon, writeTempConfig } from '../../support/daemon.js';
import { type TestServer, startHttpServer } from '../../support/httpServers.js';

/** One request the target got: which monitor, when, from which instance (its `x-instance` header). */
export interface Hit {
  monitor: string;
  at: number;
  instance: string;
}

/** The one target every instance checks: `/<monitor>` answers 200, or 500 while the monitor is failing. */
export interface Target {
  server: TestServer;
  hits: Hit[];
  failing: Set<string>;
  close(): Promise<void>;
}

/** Starts the {@link Target}. */
export async function startTarget(): Promise<Target> {
  const hits: Hit[] = [];
  const failing = new Set<string>();
  const server = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const monitor = decodeURIComponent((req.url ?? '/').slice(1));
    hits.push({ monitor, at: Date.now(), instance: String(req.headers['x-instance'] ?? '?') });
    res.writeHead(failing.has(monitor) ? 500 : 200).end('ok');
  });
  return { server, hits, failing, close: () => server.close() };
}

/** The names `m00` … of `count` monitors. */
export const monitorNames = (count: number): string[] => Array.from({ length: count }, (_, i) => `m${String(i).padStart(2, '0')}`);

/**
 * The one config file all instances share: the monitors at `every` seconds on the target, each
 * request naming its instance in `x-instance` (from the env, as a pod name would), PostgreSQL in
 * its own schema, the cluster on.
 */
export function clusterConfig({ target, names, url, every = 1, extra = '' }: { target: Target; names: readonly string[]; url: string; every?: number; extra?: string }): string {
  const monitors = names.map((name) => `  ${name}: { url: "${target.server.url}/${name}", check_every: ${every}, timeout: ${every}, headers: { x-instance: "\${TEST_INSTANCE}" } }`).join('\n');
  return writeTempConfig(`server: { port: 0 }\nstorage: { type: postgres, url: "${url}", flush_every: 0.5 }\ncluster: { enabled: true }\n${extra}monitors:\n${monitors}\n`);
}

/** Starts one instance named `name` on the config. */
export function startInstance(config: string, name: string): RunningDaemon {
  return startDaemon(['--config', config], { TEST_INSTANCE: name, PGPASSWORD: 'rxmon_test' });
}

/** Hits of one monitor, in order. */
export const hitsOf = (hits: readonly Hit[], monitor: string) => hits.filter((hit) => hit.monitor === monitor);

/**
 * Double owners: two hits of one monitor from different instances less than `withinMs` apart.
 *
 * @returns Each such pair, as text.
 */
export function doubleHits(hits: readonly Hit[], names: readonly string[], withinMs: number): string[] {
  const found: string[] = [];
  for (const name of names) {
    const mine = hitsOf(hits, name);
    for (let i = 1; i < mine.length; i++) {
      if (mine[i].instance !== mine[i - 1].instance && mine[i].at - mine[i - 1].at < withinMs) {
        found.push(`${name}: ${mine[i - 1].instance}@${mine[i - 1].at} then ${mine[i].instance}@${mine[i].at}`);
      }
    }
  }
  return found;
}

/** A metric's value on an instance's `/metrics`. */
export async function metricOf(daemon: RunningDaemon, series: string): Promise<number | undefined> {
  const text = await (await fetch(`${listenUrl(daemon.records)}metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Polls until `probe` is true (rejects after `ms`). */
export async function eventually(probe: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Monitors the daemon logged a check of since `sinceMs`. */
export const checkedSince = (daemon: RunningDaemon, names: readonly string[], sinceMs: number) =>
  names.filter((name) => checksOf(daemon.records, name).some((record) => Date.parse(record.startedAt) >= sinceMs));
