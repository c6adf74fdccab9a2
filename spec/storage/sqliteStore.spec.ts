import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { SQLITE_MIGRATIONS, SCHEMA_VERSION } from '../../src/storage/sqlSchema.js';
import { openSqliteStore } from '../../src/storage/sqliteStore.js';
import { StoreError } from '../../src/storage/storeError.js';
import type { Store } from '../../src/storage/store.js';
import { T0, batchOf, fullResult, minimalResult } from './storeFixtures.js';
import { transpileStorage } from './transpiledStorage.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'rxmon-sqlite-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function refusal(open: Promise<Store>): Promise<StoreError> {
  const error = await open.then(
    async (store) => {
      await store.close();
      throw new Error('opened');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

async function writeError(store: Store): Promise<StoreError> {
  const error = await lastValueFrom(store.write(batchOf([fullResult('api', T0)]))).then(
    () => new Error('written'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('openSqliteStore', () => {
  describe('when the file is not a SQLite database', () => {
    it('throws a StoreError and leaves the file as it was', async () => {
      const file = join(tempDir(), 'notes.db');
      writeFileSync(file, 'these are my notes, not a database\n'.repeat(100));
      const before = readFileSync(file);
      const error = await refusal(openSqliteStore(file));
      expect(error.message).toBe(`${file}: not a SQLite database`);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(`${file}.lock`)).toBe(false);
      expect(existsSync(`${file}-wal`)).toBe(false);
    });

    it('refuses a SQLite file of another program', async () => {
      const file = join(tempDir(), 'other.db');
      const other = new Database(file);
      other.exec('CREATE TABLE songs (title TEXT)');
      other.close();
      const before = readFileSync(file);
      expect((await refusal(openSqliteStore(file))).problem).toMatch(/^not an rxmon database/);
      expect(readFileSync(file).equals(before)).toBe(true);
    });
  });

  describe('when the schema is newer than this rxmon', () => {
    it('throws a StoreError naming both versions and leaves the file as it was', async () => {
      const file = join(tempDir(), 'rxmon.db');
      const store = await openSqliteStore(file);
      await lastValueFrom(store.write(batchOf([fullResult('api', T0)])));
      await store.close();
      const raw = new Database(file);
      raw.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
      raw.close();
      const before = readFileSync(file);
      const error = await refusal(openSqliteStore(file));
      expect(error.problem).toBe(`schema version 99 is newer than this rxmon (${SCHEMA_VERSION}); upgrade rxmon`);
      expect(readFileSync(file).equals(before)).toBe(true);
    });
  });

  describe('when another rxmon has the file open', () => {
    it('throws a StoreError naming the file and the pid, and opens once it is closed', async () => {
      const file = join(tempDir(), 'rxmon.db');
      const first = await openSqliteStore(file);
      const error = await refusal(openSqliteStore(file));
      expect(error.message).toBe(`${file}: in use by another rxmon (pid ${process.pid})`);
      await first.close();
      const second = await openSqliteStore(file);
      await second.close();
    });

    it('still lets a read-only store read it while the daemon writes', async () => {
      const file = join(tempDir(), 'rxmon.db');
      const daemon = await openSqliteStore(file);
      await lastValueFrom(daemon.write(batchOf([fullResult('api', T0)])));
      const reader = await openSqliteStore(file, { readonly: true });
      await lastValueFrom(daemon.write(batchOf([fullResult('api', T0 + 1000)])));
      expect((await reader.results({ order: 'asc' })).results).toHaveLength(2);
      await reader.close();
      await daemon.close();
    });
  });

  describe('when the file is at an older schema version', () => {
    it('migrates a version 1 file to version 2 (maintenance): old results read back unmarked, windows can be kept', async () => {
      const file = join(tempDir(), 'rxmon.db');
      await (await openSqliteStore(file, { migrations: SQLITE_MIGRATIONS.slice(0, 1) })).close();
      const raw = new Database(file);
      raw.prepare("INSERT INTO monitors (name, method, url) VALUES ('api', 'GET', 'http://api.example.com/')").run();
      raw.prepare("INSERT INTO results (monitor_id, started_at_ms, ok, bytes, duration, error_code, error_message) VALUES (1, ?, 0, 0, 3000, 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:80')").run(T0);
      raw.close();
      const v2 = await openSqliteStore(file);
      expect((await v2.results({ order: 'asc' })).results).toEqual([minimalResult('api', T0)]);
      await v2.addMaintenance({ id: 'x', monitor: 'api', startMs: T0, endMs: T0 + 60_000, createdMs: T0 });
      expect(await v2.maintenance(T0)).toEqual([{ id: 'x', monitor: 'api', startMs: T0, endMs: T0 + 60_000, createdMs: T0 }]);
      await v2.close();
      const check = new Database(file, { readonly: true });
      expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe('2');
      check.close();
    });

    it('migrates it in place and keeps its rows', async () => {
      const file = join(tempDir(), 'rxmon.db');
      const v1 = await openSqliteStore(file);
      await lastValueFrom(v1.write(batchOf([fullResult('api', T0), minimalResult('web', T0 + 1)])));
      await v1.close();
      const migrations = [...SQLITE_MIGRATIONS, { version: SCHEMA_VERSION + 1, statements: ['ALTER TABLE monitors ADD COLUMN note TEXT'] }];
      const v2 = await openSqliteStore(file, { migrations });
      expect((await v2.results({ order: 'asc' })).results).toEqual([fullResult('api', T0), minimalResult('web', T0 + 1)]);
      await v2.close();
      const raw = new Database(file, { readonly: true });
      expect(raw.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SCHEMA_VERSION + 1));
      expect(raw.prepare('SELECT note FROM monitors').pluck().all()).toEqual([null, null]);
      raw.close();
      // This rxmon (one version behind now) refuses it.
      expect((await refusal(openSqliteStore(file))).problem).toMatch(/is newer than this rxmon/);
    });

    it('creates the schema in an empty SQLite file (version 0)', async () => {
      const file = join(tempDir(), 'empty.db');
      new Database(file).close();
      const store = await openSqliteStore(file);
      await lastValueFrom(store.write(batchOf([fullResult('api', T0)])));
      expect(await store.monitors()).toEqual(['api']);
      await store.close();
    });
  });
});

describe('SqliteStore write errors', () => {
  it('errors write() on a file it may only read, and keeps serving reads', async () => {
    // As root, chmod 0444 would not stop a write: the connection itself is opened O_RDONLY, so the
    // INSERT fails inside SQLite (SQLITE_READONLY) exactly as on a read-only file or mount.
    const file = join(tempDir(), 'rxmon.db');
    const daemon = await openSqliteStore(file);
    await lastValueFrom(daemon.write(batchOf([fullResult('api', T0)])));
    await daemon.close();
    const store = await openSqliteStore(file, { readonly: true });
    const error = await writeError(store);
    expect(error.problem).toMatch(/^write failed: attempt to write a readonly database \(SQLITE_READONLY/);
    await expect(firstValueFrom(store.prune({ results: 0, failures: 0, changes: 0, hourly: 0, daily: 0 }, T0 + 1e9, 10))).rejects.toBeInstanceOf(StoreError);
    expect((await store.results({ order: 'asc' })).results).toHaveLength(1);
    await store.close();
  });

  it('errors write() when the disk is full (SQLITE_FULL), rolls the batch back, and goes on', async () => {
    const file = join(tempDir(), 'rxmon.db');
    // max_page_count is clamped to the current size: the file may not grow at all.
    const store = await openSqliteStore(file, { pragmas: ['max_page_count = 1'] });
    const big = Array.from({ length: 500 }, (_, index) => fullResult(`m${index}`, T0 + index, { error: { code: 'X', message: 'x'.repeat(500) } }));
    const error = await lastValueFrom(store.write(batchOf(big))).then(
      () => undefined,
      (reason: unknown) => reason as StoreError,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error!.problem).toMatch(/SQLITE_FULL/);
    expect((await store.results({ order: 'asc' })).results).toEqual([]);
    expect(await store.monitors()).toEqual([]);
    await store.close();
  });

  it('errors write() after close instead of throwing', async () => {
    const store = await openSqliteStore(join(tempDir(), 'rxmon.db'));
    await store.close();
    expect((await writeError(store)).problem).toBe('the store is closed');
  });
});

describe('SqliteStore after kill -9', () => {
  it('opens cleanly with every completed batch in it', async () => {
    const code = transpileStorage();
    dirs.push(code);
    const file = join(tempDir(), 'rxmon.db');
    const script = join(code, 'writer.mjs');
    writeFileSync(
      script,
      `import { lastValueFrom } from 'rxjs';
import { openSqliteStore } from './storage/sqliteStore.js';
const store = await openSqliteStore(${JSON.stringify(file)});
for (let batch = 0; ; batch += 1) {
  const results = Array.from({ length: 50 }, (_, i) => ({ monitor: 'm' + (i % 5), method: 'GET', url: 'http://x/', startedAt: new Date(${T0} + batch * 1000 + i).toISOString(), ok: true, bytes: batch, durationMs: 1.5 }));
  await lastValueFrom(store.write({ results, changes: [], health: [] }), { defaultValue: undefined });
  process.stdout.write('done ' + batch + '\\n');
}
`,
    );
    const child = spawn(process.execPath, [script], { env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if ((out.match(/done/g) ?? []).length >= 40) resolve();
      });
      child.once('exit', () => reject(new Error(`writer exited: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const done = Math.max(...[...out.matchAll(/done (\d+)/g)].map((match) => Number(match[1])));

    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const perBatch = raw.prepare('SELECT bytes, count(*) AS n FROM results GROUP BY bytes ORDER BY bytes').all() as Array<{ bytes: number; n: number }>;
    raw.close();
    for (let batch = 0; batch <= done; batch += 1) expect(perBatch[batch]).toEqual({ bytes: batch, n: 50 });
    // Whatever the kill interrupted is all there or not at all.
    expect(perBatch.slice(done + 1).every((row) => row.n === 50)).toBe(true);
    // The kernel dropped the dead writer's lock.
    const store = await openSqliteStore(file);
    expect((await store.results({ order: 'asc', monitor: 'm0', limit: 1 })).results).toHaveLength(1);
    await store.close();
  }, 30_000);
});
