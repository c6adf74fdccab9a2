import { jest } from '@jest/globals';
import { type RunningDaemon, ensureBuilt, killDaemons, listenUrl } from '../support/daemon.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from '../storage/pgTestDb.js';
import { type Receiver, recordingReceiver } from '../alerts/webhookReceivers.js';
import { type Target, clusterConfig, eventually, hitsOf, monitorNames, startInstance, startTarget } from './support/clusterHarness.js';

/**
 * Alerts in a cluster: one failing monitor, one webhook, three instances. Exactly one `down` across
 * the three — also when its owner is killed with -9 mid-incident and another takes the incident
 * over from the store — and exactly one `resolved` when it recovers.
 */

jest.setTimeout(90_000);

const NAMES = [...monitorNames(8), 'flaky'];
const reachable = await postgresReachable('alerts in a cluster (clusterAlerts.e2e)');
const schemas: string[] = [];
let target: Target;
let receiver: Receiver;

beforeAll(async () => {
  ensureBuilt();
  target = await startTarget();
  receiver = await recordingReceiver();
});
afterEach(killDaemons);
afterAll(async () => {
  await Promise.all([target.close(), receiver.close()]);
  await dropSchemas(schemas);
});

const alertsOf = () => receiver.requests.map((request) => JSON.parse(request.body) as { monitor: string; state: string });
const count = (state: string) => alertsOf().filter((alert) => alert.monitor === 'flaky' && alert.state === state).length;
const lastOwner = () => hitsOf(target.hits, 'flaky').at(-1)?.instance;

(reachable ? describe : describe.skip)('a failing monitor in a cluster of three', () => {
  it('sends one down alert, keeps it through the owner being killed mid-incident, and one resolved on recovery', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const config = clusterConfig({
      target,
      names: NAMES,
      url: `${PG_URL}?options=-c%20search_path%3D${schema}`,
      extra: `alerts:\n  - webhook: ${receiver.base}/hook\n    send_on_resolved: true\n    body: '{"monitor": "{{monitor}}", "state": "{{state}}"}'\n`,
    });
    const daemons = new Map<string, RunningDaemon>(['a', 'b', 'c'].map((name) => [name, startInstance(config, name)]));
    await Promise.all([...daemons.values()].map((daemon) => daemon.waitFor((records) => listenUrl(records) !== undefined)));
    // Settled: the monitor is checked by one instance (the hand-overs of the start are over).
    await eventually(() => hitsOf(target.hits, 'flaky').filter((hit) => hit.at > Date.now() - 3_000).length >= 3 && new Set(hitsOf(target.hits, 'flaky').filter((hit) => hit.at > Date.now() - 3_000).map((hit) => hit.instance)).size === 1, 30_000, 'one owner checking flaky');

    target.failing.add('flaky');
    await eventually(() => count('DOWN') >= 1, 15_000, 'the down alert');
    // Past the store's flush (0.5 s), so the incident is stored; then the owner dies.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const owner = lastOwner()!;
    daemons.get(owner)!.child.kill('SIGKILL');
    const killedAt = Date.now();
    // Another instance takes it over and goes on failing it: no second down alert.
    await eventually(() => hitsOf(target.hits, 'flaky').filter((hit) => hit.at > killedAt && hit.instance !== owner).length >= 4, 20_000, 'flaky checked by a new owner');
    const newOwner = lastOwner()!;
    expect(newOwner).not.toBe(owner);
    expect(count('DOWN')).toBe(1);

    target.failing.delete('flaky');
    await eventually(() => count('UP') >= 1, 15_000, 'the resolved alert');
    // And nothing more: a few more checks later, still one of each.
    const recoveredAt = Date.now();
    await eventually(() => hitsOf(target.hits, 'flaky').filter((hit) => hit.at > recoveredAt).length >= 3, 10_000, 'more checks');
    expect({ down: count('DOWN'), up: count('UP') }).toEqual({ down: 1, up: 1 });
    expect(alertsOf().filter((alert) => alert.monitor !== 'flaky')).toEqual([]);
  });
});
