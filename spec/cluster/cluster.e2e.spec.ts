import { jest } from '@jest/globals';
import { type RunningDaemon, ensureBuilt, killDaemons, listenUrl, runDaemon, writeTempConfig } from '../support/daemon.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from '../storage/pgTestDb.js';
import { type Target, clusterConfig, doubleHits, eventually, hitsOf, metricOf, monitorNames, startInstance, startTarget } from './support/clusterHarness.js';

/**
 * Issue 13 as a user meets it: three real daemons (`node dist/main.js`) on one config and one
 * PostgreSQL schema, one target that records each hit with the instance that made it.
 *
 * Bounds are generous where this shared 2-core machine forces them: the take-over is ~5 s by design
 * (a round, the 3 s fencing wait for a slot its owner did not release, the monitor's next phase);
 * the tests allow 12 s.
 */

jest.setTimeout(90_000);

const NAMES = monitorNames(60);
const HALF_INTERVAL_MS = 500;
const TAKE_OVER_BOUND_MS = 12_000;
const reachable = await postgresReachable('the cluster (cluster.e2e)');
const schemas: string[] = [];
let target: Target;

beforeAll(async () => {
  ensureBuilt();
  target = await startTarget();
});
afterEach(killDaemons);
afterAll(async () => {
  await target.close();
  await dropSchemas(schemas);
});

const urlFor = (schema: string) => `${PG_URL}?options=-c%20search_path%3D${schema}`;
const ownedBy = (daemon: RunningDaemon) => metricOf(daemon, 'rxmon_cluster_owned_monitors');

async function stop(daemon: RunningDaemon): Promise<void> {
  daemon.child.kill('SIGTERM');
  const { code } = await daemon.exited();
  expect({ code, stderr: daemon.stderr(), junk: daemon.junk }).toEqual({ code: 0, stderr: '', junk: [] });
}

(reachable ? describe : describe.skip)('three instances, 60 monitors at 1 s', () => {
  it('checks every monitor with one owner each, takes a killed instance over within the bound, gives a restarted one its share, and lists all 60 everywhere', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const config = clusterConfig({ target, names: NAMES, url: urlFor(schema) });
    const startedAt = Date.now();
    const daemons = ['a', 'b', 'c'].map((name) => startInstance(config, name));
    await Promise.all(daemons.map((daemon) => daemon.waitFor((records) => listenUrl(records) !== undefined)));

    // Every monitor is checked, and the three split the work (each holds its share).
    await eventually(() => NAMES.every((name) => hitsOf(target.hits, name).some((hit) => hit.at > startedAt)), 20_000, 'every monitor checked');
    await eventually(async () => (await Promise.all(daemons.map((daemon) => metricOf(daemon, 'rxmon_cluster_holds_share')))).every((held) => held === 1), 20_000, 'each instance holding its share');
    const owned = await Promise.all(daemons.map(ownedBy));
    expect(owned.reduce((sum: number, count) => sum + (count ?? 0), 0)).toBe(60);

    // Every instance's API lists all 60, and (as of its next round) says who checks each — the instance the target saw.
    const listed = async (daemon: RunningDaemon) => ((await (await fetch(`${listenUrl(daemon.records)}api/v1/monitors`)).json()) as { monitors: Array<{ name: string; instance?: string }> }).monitors;
    for (const daemon of daemons) expect((await listed(daemon)).map((monitor) => monitor.name).sort()).toEqual(NAMES);
    // Members are named `<hostname>:<pid>` by default; the target knows them by TEST_INSTANCE.
    const pids = new Map(daemons.map((daemon, i) => [`:${daemon.child.pid}`, ['a', 'b', 'c'][i]]));
    const seenBy = (name: string) => hitsOf(target.hits, name).at(-1)?.instance;
    await eventually(async () => (await Promise.all(daemons.map(listed))).every((monitors) => monitors.every((monitor) => monitor.instance !== undefined && pids.get(monitor.instance.slice(monitor.instance.lastIndexOf(':'))) === seenBy(monitor.name))), 5_000, "every instance naming each monitor's checker");

    // kill -9 one: its monitors are checked again, by the others, within the bound.
    const victim = daemons[2];
    const before = Date.now();
    const victims = new Set(target.hits.filter((hit) => hit.instance === 'c' && hit.at > before - 3_000).map((hit) => hit.monitor));
    expect(victims.size).toBeGreaterThan(5);
    victim.child.kill('SIGKILL');
    const killedAt = Date.now();
    await eventually(() => [...victims].every((name) => hitsOf(target.hits, name).some((hit) => hit.at > killedAt && hit.instance !== 'c')), TAKE_OVER_BOUND_MS + 5_000, "the killed instance's monitors checked again");
    const retaken = [...victims].map((name) => hitsOf(target.hits, name).find((hit) => hit.at > killedAt)!.at - killedAt);
    expect(Math.max(...retaken)).toBeLessThan(TAKE_OVER_BOUND_MS);

    // Started again, it owns a fair share within the bound.
    const again = startInstance(config, 'c');
    const rejoinedAt = Date.now();
    await again.waitFor((records) => listenUrl(records) !== undefined);
    await eventually(async () => (await metricOf(again, 'rxmon_cluster_holds_share')) === 1, 20_000, 'the restarted instance holding its share');
    const rejoinMs = Date.now() - rejoinedAt;
    const share = (await metricOf(again, 'rxmon_cluster_share_slots'))!;
    expect(share).toBeGreaterThanOrEqual(85);
    await eventually(async () => ((await metricOf(daemons[0], 'rxmon_cluster_holds_share')) === 1 && (await metricOf(daemons[1], 'rxmon_cluster_holds_share')) === 1), 20_000, 'the others back to their share');
    const hitsAfter = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // Over the whole test, hand-overs included: never two instances on one monitor within half an interval.
    expect(doubleHits(target.hits, NAMES, HALF_INTERVAL_MS)).toEqual([]);
    expect(NAMES.every((name) => hitsOf(target.hits, name).some((hit) => hit.at > hitsAfter))).toBe(true);
    console.log(`cluster.e2e: take-over after kill -9 ${Math.max(...retaken)} ms (max over ${victims.size} monitors); rejoin to fair share ${rejoinMs} ms`);

    await Promise.all([stop(daemons[0]), stop(daemons[1]), stop(again)]);
  });
});

describe('cluster.enabled without PostgreSQL', () => {
  it('is a config error: one line naming file:line and key, exit 2', async () => {
    const file = writeTempConfig('storage: { type: sqlite, path: /tmp/never-opened.sqlite }\ncluster: { enabled: true }\nmonitors:\n  a: { url: "http://127.0.0.1:9/" }\n');
    const { code, stdout, stderr } = await runDaemon(['--config', file]);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${file}:2: cluster.enabled: needs storage.type: postgres (the instances coordinate through PostgreSQL), got sqlite\n` });
  });
});
