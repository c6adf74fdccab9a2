import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type Migration, latestVersion, pendingMigrations } from './sqlSchema.js';
import { StoreError } from './storeError.js';

/**
 * The start-up checks of the SQLite adapter, each of which must leave a file it refuses exactly as
 * it was: nothing here writes until {@link migrateSqlite}.
 */

const MAGIC = 'SQLite format 3\u0000';

/** What a look at an existing file found (without writing to it). */
export interface SqliteInspection {
  /** The file exists and has content. */
  exists: boolean;
  /** Its `meta.schema_version` (0 for an empty file). */
  version: number;
  /** The pid of the daemon that last opened it for writing, if recorded. */
  writerPid?: number;
}

/**
 * Looks at a file without changing it: its header, then (read-only) its schema version.
 *
 * @param path The file, as configured (used in messages).
 * @param absolute Its absolute path.
 * @param known The newest version this rxmon knows.
 * @returns What was found.
 * @throws StoreError when it is not a SQLite database, not rxmon's, or newer than `known`.
 */
export function inspectSqlite(path: string, absolute: string, known: number): SqliteInspection {
  let size: number;
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) throw new StoreError(path, 'is a directory, not a SQLite database file');
    size = stat.size;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') return { exists: false, version: 0 };
    throw new StoreError(path, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  if (size === 0) return { exists: false, version: 0 };
  // Checked by hand first: SQLite would only notice on the first read, after a journal_mode
  // change had already been attempted.
  if (readHeader(absolute) !== MAGIC) throw new StoreError(path, 'not a SQLite database');
  let db: Database.Database | undefined;
  try {
    db = new Database(absolute, { readonly: true, fileMustExist: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
    if (!tables.includes('meta')) {
      if (tables.length > 0) throw new StoreError(path, `not an rxmon database (tables ${tables.slice(0, 3).join(', ')}, no schema version)`);
      return { exists: true, version: 0 };
    }
    const read = (key: string): string | undefined => db!.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    const version = Number(read('schema_version') ?? 0);
    if (version > known) throw new StoreError(path, `schema version ${version} is newer than this rxmon (${known}); upgrade rxmon`);
    const pid = read('writer_pid');
    return { exists: true, version, ...(pid === undefined ? {} : { writerPid: Number(pid) }) };
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(path, describeSqliteError(error), { cause: error });
  } finally {
    db?.close();
  }
}

function readHeader(absolute: string): string {
  const fd = openSync(absolute, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Brings an open, locked database to the newest schema in one transaction and records this
 * process as its writer.
 *
 * @param db The read-write connection.
 * @param path The file, as configured.
 * @param migrations The dialect's migrations.
 * @throws StoreError when another process moved it past what this rxmon knows meanwhile.
 */
export function migrateSqlite(db: Database.Database, path: string, migrations: readonly Migration[]): void {
  const known = latestVersion(migrations);
  db.transaction(() => {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
    const current = hasMeta ? Number(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() ?? 0) : 0;
    if (current > known) throw new StoreError(path, `schema version ${current} is newer than this rxmon (${known}); upgrade rxmon`);
    for (const migration of pendingMigrations(migrations, current)) {
      for (const statement of migration.statements) db.exec(statement);
    }
    const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    set.run('schema_version', String(Math.max(current, known)));
    set.run('writer_pid', String(process.pid));
  }).immediate();
}

/**
 * One line for a SQLite error: its message and code.
 *
 * @param error What better-sqlite3 threw.
 * @returns Such as `database or disk is full (SQLITE_FULL)`.
 */
export function describeSqliteError(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  if (code === 'SQLITE_NOTADB') return 'not a SQLite database';
  return code && !String(message).includes(code) ? `${message} (${code})` : String(message ?? error);
}
