import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/storage/sqliteStore.js';
import { describeStoreContract } from './storeContract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxmon-sqlite-'));
  dirs.push(dir);
  // A directory that does not exist yet: the store creates it.
  return openSqliteStore(join(dir, 'data', 'rxmon.db'));
});
