import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lastValueFrom } from 'rxjs';
import { StoreError } from '../../src/storage/storeError.js';
import { openSqliteWorkerStore } from '../../src/storage/sqliteWorkerStore.js';
import { errorCode } from '../../src/storage/persistResults.js';
import { ensureBuilt, ROOT } from '../support/daemon.js';
import { HOUR, T0, batchOf, fullResult, minimalResult } from './storeFixtures.js';

/** The worker runs compiled code (`npm test` builds `dist/` first), as the daemon does. */
const WORKER = pathToFileURL(join(ROOT, 'dist/storage/sqliteWorker.js'));

describe('the SQLite store on its own thread', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'rxmon-sqlite-thread-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes and reads back exactly what the store on the main thread would', async () => {
    const store = await openSqliteWorkerStore(join(dir, 'a.sqlite'), {}, WORKER);
    const results = [fullResult('api', T0), minimalResult('api', T0 + 1_000), fullResult('web', T0 + 2_000, { ok: false, error: { code: 'TIMEOUT', message: 'timed out' } })];
    await lastValueFrom(store.write(batchOf(results)), { defaultValue: undefined });
    expect((await store.results({ order: 'asc' })).results).toEqual(results);
    expect(await store.monitors()).toEqual(['api', 'web']);
    expect((await store.uptime({ sinceMs: T0, untilMs: T0 + HOUR })).map((figure) => [figure.monitor, figure.checks, figure.ok])).toEqual([
      ['api', 2, 1],
      ['web', 1, 0],
    ]);
    await store.close();
    await store.close();
    await expect(store.results({ order: 'asc' })).rejects.toThrow(/closed/);
  });

  it('refuses a file that is not a database with the same StoreError, and leaves it as it was', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'not a database\n'.repeat(100));
    await expect(openSqliteWorkerStore(path, {}, WORKER)).rejects.toThrow(StoreError);
    await expect(openSqliteWorkerStore(path, {}, WORKER)).rejects.toThrow(/not a SQLite database/);
    expect(readFileSync(path, 'utf8')).toBe('not a database\n'.repeat(100));
  });

  it('reports a full disk as a write error carrying SQLite’s code, and goes on', async () => {
    const path = join(dir, 'full.sqlite');
    // max_page_count is clamped to the current size: the file may not grow at all.
    const store = await openSqliteWorkerStore(path, { pragmas: ['max_page_count = 1'] }, WORKER);
    const big = Array.from({ length: 500 }, (_, index) => fullResult(`m${index}`, T0 + index, { error: { code: 'X', message: 'x'.repeat(500) } }));
    const error = await lastValueFrom(store.write(batchOf(big)), { defaultValue: undefined }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(errorCode(error)).toBe('SQLITE_FULL');
    expect((await store.results({ order: 'asc' })).results).toEqual([]);
    await store.close();
  });
});
