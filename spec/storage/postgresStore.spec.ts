import { type AddressInfo, type Server, type Socket, createServer, connect } from 'node:net';
import pg from 'pg';
import { lastValueFrom } from 'rxjs';
import { POSTGRES_MIGRATIONS, SCHEMA_VERSION } from '../../src/storage/sqlSchema.js';
import { openPostgresStore } from '../../src/storage/postgresStore.js';
import { StoreError } from '../../src/storage/storeError.js';
import type { Store } from '../../src/storage/store.js';
import { installProcessHooks } from '../faults/processHooks.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from './pgTestDb.js';
import { T0, batchOf, fullResult } from './storeFixtures.js';

const reachable = await postgresReachable('PostgresStore faults');
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

const schema = (): string => {
  const name = uniqueSchema();
  schemas.push(name);
  return name;
};

const withUrl = (url: string, change: (parsed: URL) => void): string => {
  const parsed = new URL(url);
  change(parsed);
  return parsed.toString();
};

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let at: unknown = error; at instanceof Error; at = (at as { cause?: unknown }).cause) parts.push(at.message, at.stack ?? '');
  return parts.join('\n');
}

async function writeOutcome(store: Store, ms: number): Promise<unknown> {
  return lastValueFrom(store.write(batchOf([fullResult('api', ms)]))).then(
    () => 'ok',
    (error: unknown) => error,
  );
}

/** A TCP proxy to the real server that a test can cut (sockets destroyed) or stall (bytes dropped). */
class Proxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  stalled = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.on('data', (chunk) => void (this.stalled || upstream.write(chunk)));
      upstream.on('data', (chunk) => void (this.stalled || client.write(chunk)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async kill(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

(reachable ? describe : describe.skip)('openPostgresStore', () => {
  it('resolves when the server is unreachable; write() errors without the password until it is up', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = withUrl(PG_URL, (parsed) => {
      parsed.port = String(port);
      parsed.password = 'pa55-Secret-x';
    });
    const store = await openPostgresStore(url, { schema: schema(), connectionTimeoutMs: 1000 });
    const error = await writeOutcome(store, T0);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/ECONNREFUSED/);
    expect((error as StoreError).where).toBe(`postgres://rxmon_test:***@127.0.0.1:${port}/rxmon_test`);
    expect(messagesOf(error)).not.toContain('pa55-Secret-x');
    await expect(store.ready()).rejects.toBeInstanceOf(StoreError);
    await store.close();
    await store.close();
  });

  it('throws a StoreError for refused credentials, password masked', async () => {
    const url = withUrl(PG_URL, (parsed) => (parsed.password = 'wr0ng%2Fsecret'));
    const error = await openPostgresStore(url, { schema: schema() }).then(
      () => new Error('opened'),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).problem).toMatch(/password authentication failed/);
    expect(messagesOf(error)).not.toMatch(/wr0ng/);
    expect((error as StoreError).message).toContain('rxmon_test:***@');
  });

  it('throws a StoreError for a schema newer than this rxmon', async () => {
    const name = schema();
    const first = await openPostgresStore(PG_URL, { schema: name });
    await first.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`UPDATE "${name}".meta SET value = '99' WHERE key = 'schema_version'`);
    await client.end();
    const error = await openPostgresStore(PG_URL, { schema: name }).then(
      () => new Error('opened'),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).problem).toBe(`schema version 99 is newer than this rxmon (${SCHEMA_VERSION}); upgrade rxmon`);
  });

  it('migrates a version 1 schema to version 2 (maintenance): old results read back unmarked, windows can be kept', async () => {
    const name = schema();
    const v1 = await openPostgresStore(PG_URL, { schema: name, migrations: POSTGRES_MIGRATIONS.slice(0, 1) });
    await v1.results({ order: 'asc' });
    await v1.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`INSERT INTO "${name}".monitors (name, method, url) VALUES ('api', 'GET', 'https://api.example.com/')`);
    await client.query(`INSERT INTO "${name}".results (monitor_id, started_at_ms, ok, bytes, duration) SELECT id, $1, true, 2, 12000 FROM "${name}".monitors`, [T0]);
    const v2 = await openPostgresStore(PG_URL, { schema: name });
    expect((await v2.results({ order: 'asc' })).results).toEqual([{ monitor: 'api', method: 'GET', url: 'https://api.example.com/', startedAt: new Date(T0).toISOString(), ok: true, bytes: 2, durationMs: 12 }]);
    await v2.addMaintenance({ id: 'x', group: 'payments', startMs: T0, endMs: T0 + 60_000, reason: 'deploy', createdMs: T0 });
    expect(await v2.stopMaintenance({ group: 'payments' }, T0 + 1_000)).toBe(1);
    expect(await v2.maintenance(T0)).toEqual([{ id: 'x', group: 'payments', startMs: T0, endMs: T0 + 1_000, reason: 'deploy', createdMs: T0 }]);
    await v2.close();
    const meta = await client.query(`SELECT value FROM "${name}".meta WHERE key = 'schema_version'`);
    await client.end();
    expect(meta.rows).toEqual([{ value: '2' }]);
  });

  it('migrates an older schema in place and keeps its rows', async () => {
    const name = schema();
    const v1 = await openPostgresStore(PG_URL, { schema: name });
    await lastValueFrom(v1.write(batchOf([fullResult('api', T0)])));
    await v1.close();
    const migrations = [...POSTGRES_MIGRATIONS, { version: SCHEMA_VERSION + 1, statements: ['ALTER TABLE monitors ADD COLUMN note TEXT'] }];
    const v2 = await openPostgresStore(PG_URL, { schema: name, migrations });
    expect((await v2.results({ order: 'asc' })).results).toEqual([fullResult('api', T0)]);
    await v2.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const meta = await client.query(`SELECT value FROM "${name}".meta WHERE key = 'schema_version'`);
    const notes = await client.query(`SELECT note FROM "${name}".monitors`);
    await client.end();
    expect(meta.rows).toEqual([{ value: String(SCHEMA_VERSION + 1) }]);
    expect(notes.rows).toEqual([{ note: null }]);
  });
});

(reachable ? describe : describe.skip)('PostgresStore when the server goes away', () => {
  const hooks = installProcessHooks();
  afterAll(() => hooks.remove());
  const target = new URL(PG_URL);

  async function recovered(store: Store, from: number): Promise<number> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      if ((await writeOutcome(store, from + attempt)) === 'ok') return attempt;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('never recovered');
  }

  it.each(['cut', 'stalled'] as const)('errors write() while the link is %s and recovers without reopening', async (fault) => {
    const proxy = new Proxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    const idleErrors: string[] = [];
    const url = withUrl(PG_URL, (parsed) => (parsed.port = String(proxy.port)));
    const store = await openPostgresStore(url, { schema: schema(), statementTimeoutMs: 500, connectionTimeoutMs: 800, onIdleError: (message) => idleErrors.push(message) });
    expect(await writeOutcome(store, T0)).toBe('ok');
    expect(await writeOutcome(store, T0 + 1)).toBe('ok');

    if (fault === 'cut') await proxy.kill();
    else proxy.stalled = true;
    const errors = [await writeOutcome(store, T0 + 2), await writeOutcome(store, T0 + 3)];
    for (const error of errors) {
      expect(error).toBeInstanceOf(StoreError);
      expect(messagesOf(error)).not.toContain(':rxmon_test@');
    }

    if (fault === 'cut') await proxy.start();
    else {
      proxy.stalled = false;
      await proxy.kill(); // the stalled connections are mid-protocol: drop them, as a network would
      await proxy.start();
    }
    await recovered(store, T0 + 10);
    const stored = (await store.results({ order: 'asc' })).results.map((result) => Date.parse(result.startedAt) - T0);
    expect(stored.slice(0, 2)).toEqual([0, 1]);
    expect(stored).not.toContain(2);
    expect(stored).not.toContain(3);
    await store.close();
    await proxy.kill();
    for (const message of idleErrors) expect(message).not.toContain(':rxmon_test@');
    expect(hooks.unhandledRejections).toEqual([]);
    expect(hooks.uncaughtExceptions).toEqual([]);
  }, 30_000);
});
