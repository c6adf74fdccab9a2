import { firstValueFrom, lastValueFrom } from 'rxjs';
import { PgCoordinator } from '../../src/cluster/index.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from '../storage/pgTestDb.js';

/**
 * The coordinator on the real PostgreSQL: what the "no two owners" argument rests on — one lock per
 * slot across sessions, membership that ends with the session, and the wait after an unclean
 * hand-over but not after a clean one.
 */

const reachable = await postgresReachable('the cluster coordinator (pgCoordinator.spec)');
const schemas: string[] = [];
const open: PgCoordinator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((coordinator) => coordinator.close()));
});
afterAll(() => dropSchemas(schemas));

const FENCE_MS = 3_000;
function coordinatorIn(schema: string, instance: string): PgCoordinator {
  const coordinator = new PgCoordinator({ url: PG_URL, schema, instance, slots: 8, fenceAfter: FENCE_MS });
  open.push(coordinator);
  return coordinator;
}
const freshSchema = () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  return schema;
};

(reachable ? describe : describe.skip)('PgCoordinator', () => {
  it('lets only one session hold a slot, and says who does', async () => {
    const schema = freshSchema();
    const [a, b] = [coordinatorIn(schema, 'a'), coordinatorIn(schema, 'b')];
    await lastValueFrom(a.heartbeat());
    await lastValueFrom(b.heartbeat());
    expect(await lastValueFrom(a.lock([1, 2]))).toEqual([{ slot: 1, waitMs: 0 }, { slot: 2, waitMs: 0 }]);
    expect(await lastValueFrom(b.lock([2, 3]))).toEqual([{ slot: 3, waitMs: 0 }]);
    const seen = await lastValueFrom(b.heartbeat());
    expect(seen.live).toEqual(['a', 'b']);
    expect([...seen.holders].sort()).toEqual([[1, 'a'], [2, 'a'], [3, 'b']]);
  });

  it('drops a member and frees its slots the moment its session ends, and makes the next owner wait the fencing bound', async () => {
    const schema = freshSchema();
    const [a, b] = [coordinatorIn(schema, 'a'), coordinatorIn(schema, 'b')];
    await lastValueFrom(a.heartbeat());
    await lastValueFrom(b.heartbeat());
    await lastValueFrom(a.lock([4]));
    a.reset();
    // The server ends the session as soon as it sees the socket close.
    let membership = await lastValueFrom(b.heartbeat());
    for (let i = 0; i < 20 && membership.live.includes('a'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      membership = await lastValueFrom(b.heartbeat());
    }
    expect(membership.live).toEqual(['b']);
    expect(membership.holders.has(4)).toBe(false);
    const [taken] = await lastValueFrom(b.lock([4]));
    expect(taken.slot).toBe(4);
    expect(taken.waitMs).toBeGreaterThan(FENCE_MS - 500);
    expect(taken.waitMs).toBeLessThanOrEqual(FENCE_MS);
  });

  it('lets the next owner start at once after a clean release', async () => {
    const schema = freshSchema();
    const [a, b] = [coordinatorIn(schema, 'a'), coordinatorIn(schema, 'b')];
    await lastValueFrom(a.heartbeat());
    await lastValueFrom(b.heartbeat());
    await lastValueFrom(a.lock([5]));
    await lastValueFrom(a.unlock([5], true));
    expect(await lastValueFrom(b.lock([5]))).toEqual([{ slot: 5, waitMs: 0 }]);
  });

  it('has the server end its session when it goes silent (idle_session_timeout, 2 × fenceAfter): the locks go, lost$ says so', async () => {
    const schema = freshSchema();
    const quiet = new PgCoordinator({ url: PG_URL, schema, instance: 'quiet', slots: 8, fenceAfter: 400 });
    open.push(quiet);
    const b = coordinatorIn(schema, 'b');
    const lost = firstValueFrom(quiet.lost$);
    await lastValueFrom(quiet.heartbeat());
    await lastValueFrom(quiet.lock([6]));
    const silentFrom = Date.now();
    await expect(lost).resolves.toBeDefined();
    const silentMs = Date.now() - silentFrom;
    expect(silentMs).toBeGreaterThanOrEqual(700);
    const membership = await lastValueFrom(b.heartbeat());
    expect(membership.live).toEqual(['b']);
    expect(membership.holders.has(6)).toBe(false);
  });
});
