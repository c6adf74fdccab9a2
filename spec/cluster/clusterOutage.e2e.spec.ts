import { jest } from '@jest/globals';
import { type RunningDaemon, checksOf, ensureBuilt, killDaemons, listenUrl, runDaemon } from '../support/daemon.js';
import { type TcpProxy, startTcpProxy } from '../support/tcpProxy.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from '../storage/pgTestDb.js';
import { type Target, clusterConfig, doubleHits, eventually, hitsOf, metricOf, monitorNames, startInstance, startTarget } from './support/clusterHarness.js';

/**
 * PostgreSQL "stopped for 5 s" under a running cluster. The shared test server keeps running (other
 * suites use it): a TCP proxy between the instances and it cuts every connection and refuses new
 * ones for 5 s — PostgreSQL sees the sockets close and ends those sessions, as when it restarts.
 * Then: no double owner, checks resume within the bound, every check logged is in the store (the
 * outage is far within the buffer), and every instance still lists every monitor.
 */

jest.setTimeout(90_000);

const NAMES = monitorNames(30);
const OUTAGE_MS = 5_000;
/** Back to checking after the proxy forwards again: reconnect, a round, the 3 s wait for unclean slots, a phase. Generous for a busy 2-core machine. */
const RESUME_BOUND_MS = 12_000;
const reachable = await postgresReachable('the cluster through a PostgreSQL outage (clusterOutage.e2e)');
const schemas: string[] = [];
let target: Target;
let proxy: TcpProxy;

beforeAll(async () => {
  ensureBuilt();
  target = await startTarget();
  const pg = new URL(PG_URL);
  proxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
});
afterEach(killDaemons);
afterAll(async () => {
  await Promise.all([target.close(), proxy.close()]);
  await dropSchemas(schemas);
});

async function stop(daemon: RunningDaemon): Promise<void> {
  daemon.child.kill('SIGTERM');
  const { code } = await daemon.exited();
  expect({ code, stderr: daemon.stderr(), junk: daemon.junk }).toEqual({ code: 0, stderr: '', junk: [] });
}

(reachable ? describe : describe.skip)('PostgreSQL gone for 5 s under a cluster of three', () => {
  it('fences, reconnects, re-establishes one owner per monitor, resumes checks and loses nothing', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const pg = new URL(PG_URL);
    pg.host = `127.0.0.1:${proxy.port}`;
    const config = clusterConfig({ target, names: NAMES, url: `${pg.toString()}?options=-c%20search_path%3D${schema}` });
    const daemons = ['a', 'b', 'c'].map((name) => startInstance(config, name));
    await Promise.all(daemons.map((daemon) => daemon.waitFor((records) => listenUrl(records) !== undefined)));
    await eventually(async () => (await Promise.all(daemons.map((daemon) => metricOf(daemon, 'rxmon_cluster_holds_share')))).every((held) => held === 1), 30_000, 'each instance holding its share');

    proxy.refuse();
    const cutAt = Date.now();
    // Each instance fences itself: the connection broke, its checks stop.
    await Promise.all(daemons.map((daemon) => daemon.waitFor((records) => records.some((record) => record.msg?.startsWith('cluster: lost PostgreSQL')), 10_000)));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + OUTAGE_MS - Date.now())));
    proxy.forward();
    const backAt = Date.now();

    await eventually(() => NAMES.every((name) => hitsOf(target.hits, name).some((hit) => hit.at > backAt)), RESUME_BOUND_MS + 5_000, 'every monitor checked again');
    const resumedMs = Math.max(...NAMES.map((name) => hitsOf(target.hits, name).find((hit) => hit.at > backAt)!.at - backAt));
    expect(resumedMs).toBeLessThan(RESUME_BOUND_MS);
    await eventually(async () => (await Promise.all(daemons.map((daemon) => metricOf(daemon, 'rxmon_cluster_holds_share')))).every((held) => held === 1), 20_000, 'each instance holding its share again');

    // Every instance lists every monitor, with its owner.
    for (const daemon of daemons) {
      const body = (await (await fetch(`${listenUrl(daemon.records)}api/v1/monitors`)).json()) as { monitors: Array<{ name: string; instance?: string }> };
      expect(body.monitors.map((monitor) => monitor.name).sort()).toEqual(NAMES);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(doubleHits(target.hits, NAMES, 500)).toEqual([]);
    await Promise.all(daemons.map(stop));

    // Nothing within the buffer bound is lost: every check any instance logged is stored.
    const logged = daemons.flatMap((daemon) => NAMES.flatMap((name) => checksOf(daemon.records, name).map((record) => `${record.monitor} ${record.startedAt}`)));
    const history = await runDaemon(['history', '--config', config], { TEST_INSTANCE: 'x' });
    expect(history.code).toBe(0);
    const stored = new Set(
      history.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { monitor: string; startedAt: string })
        .map((result) => `${result.monitor} ${result.startedAt}`),
    );
    expect(logged.length).toBeGreaterThan(100);
    expect(logged.filter((key) => !stored.has(key))).toEqual([]);
    console.log(`clusterOutage.e2e: checks resumed ${resumedMs} ms after PostgreSQL came back (outage ${OUTAGE_MS} ms); ${logged.length} checks, all stored`);
  });
});
