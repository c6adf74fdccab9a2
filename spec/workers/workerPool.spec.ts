import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage } from 'node:http';
import type { Subscription } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import { parseConfig } from '../../src/config/parseConfig.js';
import { type WorkerCrash, WorkerPool } from '../../src/workers/workerPool.js';
import { workerFor } from '../../src/workers/workerFor.js';
import { ROOT, ensureBuilt } from '../support/daemon.js';
import { type TestServer, startHttpServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

/** The built worker entry: worker threads run JavaScript, so the pool is tested against `dist/`. */
const WORKER_URL = pathToFileURL(join(ROOT, 'dist/workers/monitorWorker.js'));

/** A target that records when each path was asked, and how many requests were in flight at most. */
async function startTarget(delayMs = 0) {
  const hits = new Map<string, number[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server: TestServer = await startHttpServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    hits.set(path, [...(hits.get(path) ?? []), Date.now()]);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end('ok');
    }, delayMs);
  });
  return { server, hits, maxInFlight: () => maxInFlight };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds (threads start slowly on a busy machine), failing after `ms`. */
async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

function poolOf(size: number, maxConcurrentChecks = 512, crashes: WorkerCrash[] = []) {
  const config = parseConfig(`max_concurrent_checks: ${maxConcurrentChecks}\nmonitors:\n  unused: { url: "http://127.0.0.1:1/" }\n`, 'pool.yml', {});
  return new WorkerPool({ size, config, workerUrl: WORKER_URL, batchMs: 10, onCrash: (crash) => crashes.push(crash) });
}

describe('WorkerPool', () => {
  beforeAll(() => ensureBuilt());
  const subscriptions: Subscription[] = [];
  const pools: WorkerPool[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('runs each monitor on its worker thread and brings every result back to its subscriber', async () => {
    const target = await startTarget();
    servers.push(target.server);
    const pool = poolOf(2);
    pools.push(pool);
    const names = Array.from({ length: 6 }, (_, i) => `m${i}`);
    const got = new Map<string, CheckResult[]>();
    for (const name of names) {
      const spec = makeSpec({ name, url: `${target.server.url}/${name}`, checkEvery: 200 });
      subscriptions.push(pool.results(spec, names.length).subscribe((result) => got.set(name, [...(got.get(name) ?? []), result])));
    }
    await until(() => names.every((name) => (got.get(name)?.length ?? 0) >= 3));
    for (const name of names) {
      const results = got.get(name) ?? [];
      expect(results.length).toBeGreaterThanOrEqual(3);
      expect(results.every((result) => result.monitor === name && result.ok && result.status === 200)).toBe(true);
    }
    const used = new Set(names.map((name) => workerFor(name, 2)));
    expect(pool.threads.filter(Boolean)).toHaveLength(used.size);
  });

  it('unsubscribing stops the monitor on its thread, and a thread ends with its last monitor', async () => {
    const target = await startTarget();
    servers.push(target.server);
    const pool = poolOf(2);
    pools.push(pool);
    const a = pool.results(makeSpec({ name: 'a', url: `${target.server.url}/a`, checkEvery: 100 }), 2).subscribe();
    const b = pool.results(makeSpec({ name: 'b', url: `${target.server.url}/b`, checkEvery: 100 }), 2).subscribe();
    await until(() => (target.hits.get('/a')?.length ?? 0) >= 2 && (target.hits.get('/b')?.length ?? 0) >= 2);
    a.unsubscribe();
    await sleep(100);
    const aHits = target.hits.get('/a')?.length ?? 0;
    const bHits = target.hits.get('/b')?.length ?? 0;
    await sleep(400);
    expect(aHits).toBeGreaterThan(0);
    expect(target.hits.get('/a')?.length).toBe(aHits);
    expect(target.hits.get('/b')!.length).toBeGreaterThan(bHits);
    b.unsubscribe();
    await until(() => pool.threads.every((thread) => thread === undefined));
  });

  it('max_concurrent_checks bounds checks in flight across all threads, not per thread', async () => {
    const target = await startTarget(150);
    servers.push(target.server);
    const pool = poolOf(2, 2);
    pools.push(pool);
    const names = Array.from({ length: 8 }, (_, i) => `slow${i}`);
    expect(new Set(names.map((name) => workerFor(name, 2))).size).toBe(2);
    const got = new Set<string>();
    for (const name of names) {
      subscriptions.push(pool.results(makeSpec({ name, url: `${target.server.url}/${name}`, checkEvery: 300 }), 1).subscribe((r) => got.add(r.monitor)));
    }
    await until(() => got.size === names.length);
    await sleep(600);
    expect(target.maxInFlight()).toBeLessThanOrEqual(2);
    expect(target.maxInFlight()).toBe(2);
    expect(got.size).toBe(names.length);
  });

  it('a crashed thread is reported and restarted with its own monitors; the other thread is not touched', async () => {
    const target = await startTarget();
    servers.push(target.server);
    const crashes: WorkerCrash[] = [];
    const pool = poolOf(2, 512, crashes);
    pools.push(pool);
    const names = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const onZero = names.filter((name) => workerFor(name, 2) === 0);
    const onOne = names.filter((name) => workerFor(name, 2) === 1);
    expect(onZero.length).toBeGreaterThan(0);
    expect(onOne.length).toBeGreaterThan(0);
    for (const name of names) subscriptions.push(pool.results(makeSpec({ name, url: `${target.server.url}/${name}`, checkEvery: 200 }), 1).subscribe());
    await until(() => names.every((name) => (target.hits.get(`/${name}`)?.length ?? 0) >= 2));
    const other = pool.threads[1];
    const killedAt = Date.now();
    await pool.threads[0]!.terminate();
    await until(() => onZero.every((name) => target.hits.get(`/${name}`)!.some((at) => at > killedAt)));
    await sleep(400);

    expect(crashes).toEqual([expect.objectContaining({ worker: 0, monitors: onZero.length })]);
    expect(pool.threads[1]).toBe(other);
    expect(pool.threads[0]).toBeDefined();
    for (const name of onZero) expect(target.hits.get(`/${name}`)!.some((at) => at > killedAt)).toBe(true);
    // The other thread's monitors kept their fixed rate through the crash: no gap, no restart burst.
    for (const name of onOne) {
      const hits = target.hits.get(`/${name}`)!;
      const gaps = hits.slice(1).map((at, i) => at - hits[i]);
      expect(Math.max(...gaps)).toBeLessThan(200 * 2.5);
      expect(Math.min(...gaps)).toBeGreaterThan(200 * 0.5);
    }
  });
});
