import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Observable, defer, of } from 'rxjs';
import type { MonitorState } from '../operators/health.js';
import { BUCKET_MS, bucketsOf } from './aggregates.js';
import { decodeCursor, encodeCursor } from './resultCursor.js';
import { SqliteLock } from './sqliteLock.js';
import { describeSqliteError, inspectSqlite, migrateSqlite } from './sqliteOpen.js';
import {
  type MonitorRow,
  type SqlRow,
  byName,
  decodeAdHocWindow,
  decodeBucket,
  decodeChange,
  decodeFigure,
  decodeHealth,
  decodeResult,
  encodeAdHocWindow,
  encodeBucket,
  encodeChange,
  encodeHealth,
  encodeResult,
} from './sqlRows.js';
import { BUCKET_COLUMNS, HISTOGRAM_COLUMNS, type Migration, PHASE_COLUMNS, RESULT_COLUMNS, SQLITE_MIGRATIONS, latestVersion } from './sqlSchema.js';
import { StoreError } from './storeError.js';
import type {
  AdHocWindow,
  AggregateBucket,
  ChangeQuery,
  HealthSnapshot,
  MaintenanceTarget,
  ResultPage,
  ResultQuery,
  Retention,
  Store,
  StoreBatch,
  UptimeFigure,
  UptimeQuery,
} from './store.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * Open for reading only (`rxmon history` while the daemon runs): no lock, no migration; every
   * `write()` and `prune()` errors. The file must exist at this rxmon's schema version.
   */
  readonly?: boolean;
  /** How long a statement waits for a lock held by a reader's checkpoint, ms. Default 5000. */
  busyTimeoutMs?: number;
  /** Extra `PRAGMA`s run after migrating, such as `'cache_size = -20000'` (tests: `'max_page_count = 50'`). */
  pragmas?: readonly string[];
  /** The migration list (tests inject a longer one). Default: this rxmon's. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating it and its directory if missing) the SQLite file that keeps rxmon's history
 * (`storage.type: sqlite`), migrates it to this rxmon's schema, and locks it against a second
 * daemon. WAL with `synchronous=NORMAL`: readers never block the daemon, and a kill -9 loses at
 * most the batch being written.
 *
 * ## Example
 * ```ts
 * const store = await openSqliteStore('data/rxmon.db');
 * await lastValueFrom(store.write({ results, changes: [], health: [] }));
 * const { results: last } = await store.results({ monitor: 'api', order: 'desc', limit: 10 });
 * await store.close();
 * ```
 *
 * @param path The database file.
 * @param options Read-only, pragmas, migrations.
 * @returns The open store.
 * @throws StoreError with a one-line problem (the file left as it was): not a SQLite database, a
 * schema newer than this rxmon, in use by another rxmon, or not writable.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const migrations = options.migrations ?? SQLITE_MIGRATIONS;
  const known = latestVersion(migrations);
  const absolute = resolve(path);
  if (options.readonly) {
    const seen = inspectSqlite(path, absolute, known);
    if (!seen.exists) throw new StoreError(path, 'no such database (has the daemon run with it yet?)');
    if (seen.version < known) throw new StoreError(path, `schema version ${seen.version} is older than this rxmon (${known}); start the daemon once to migrate it`);
    return new SqliteStore(path, new Database(absolute, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 5000 }), undefined);
  }
  try {
    mkdirSync(dirname(absolute), { recursive: true });
  } catch (error) {
    throw new StoreError(path, `cannot create its directory: ${(error as Error).message}`, { cause: error });
  }
  inspectSqlite(path, absolute, known);
  let lock: SqliteLock | undefined;
  try {
    lock = SqliteLock.acquire(`${absolute}.lock`);
  } catch (error) {
    throw new StoreError(path, `cannot create its lock file ${path}.lock: ${describeSqliteError(error)}`, { cause: error });
  }
  if (!lock) {
    const pid = inspectSqlite(path, absolute, known).writerPid;
    throw new StoreError(path, `in use by another rxmon (${pid === undefined ? 'pid unknown' : `pid ${pid}`})`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(absolute, { timeout: options.busyTimeoutMs ?? 5000 });
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new StoreError(path, `cannot switch to WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db, path, migrations);
    for (const pragma of options.pragmas ?? []) db.pragma(pragma);
    return new SqliteStore(path, db, lock);
  } catch (error) {
    db?.close();
    lock.release();
    if (error instanceof StoreError) throw error;
    throw new StoreError(path, describeSqliteError(error), { cause: error });
  }
}

const list = (columns: readonly string[], prefix = ''): string => columns.map((column) => prefix + column).join(', ');
const marks = (count: number): string => new Array<string>(count).fill('?').join(', ');
const RESULT_SELECT = 'r.*, m.name, m.method AS m_method, m.url AS m_url';

function bucketUpsert(table: string): string {
  const added = ['checks', 'ok', 'latency_sum', ...HISTOGRAM_COLUMNS, ...PHASE_COLUMNS].map((column) => `${column} = ${column} + excluded.${column}`);
  return (
    `INSERT INTO ${table} (${list(BUCKET_COLUMNS)}) VALUES (${marks(BUCKET_COLUMNS.length)}) ON CONFLICT (monitor_id, start_ms) DO UPDATE SET ` +
    [...added, 'latency_min = coalesce(min(latency_min, excluded.latency_min), excluded.latency_min)', 'latency_max = coalesce(max(latency_max, excluded.latency_max), excluded.latency_max)'].join(', ')
  );
}

/** The SQLite {@link Store}; made by {@link openSqliteStore}. */
export class SqliteStore implements Store {
  readonly type = 'sqlite' as const;
  private closed = false;
  /** Committed monitor rows by name (only this process writes: it holds the lock). */
  private readonly monitorRows = new Map<string, MonitorRow>();
  private readonly cache = new Map<string, Database.Statement>();
  private readonly writeBatch: (batch: StoreBatch) => Map<string, MonitorRow>;

  /**
   * @param path The file, as configured (for messages).
   * @param db The open connection.
   * @param lock The held writer lock; absent when read-only.
   */
  constructor(
    private readonly path: string,
    private readonly db: Database.Database,
    private readonly lock: SqliteLock | undefined,
  ) {
    for (const row of db.prepare('SELECT id, name, method, url FROM monitors').all() as MonitorRow[]) this.monitorRows.set(row.name, row);
    this.writeBatch = db.transaction((batch: StoreBatch) => this.writeRows(batch));
  }

  write(batch: StoreBatch): Observable<void> {
    return defer(() => {
      this.assertOpen();
      let added: Map<string, MonitorRow>;
      try {
        added = this.writeBatch(batch);
      } catch (error) {
        throw new StoreError(this.path, `write failed: ${describeSqliteError(error)}`, { cause: error });
      }
      // Only after the commit: a rolled-back monitor row must not be remembered.
      for (const [name, row] of added) this.monitorRows.set(name, row);
      return of(undefined);
    });
  }

  prune(retention: Retention, nowMs: number, batchSize: number): Observable<number> {
    return defer(() => {
      this.assertOpen();
      const steps: Array<[string, number]> = [
        ['DELETE FROM results WHERE id IN (SELECT id FROM results WHERE ok = 1 AND started_at_ms < ? ORDER BY started_at_ms LIMIT ?)', nowMs - retention.results],
        ['DELETE FROM results WHERE id IN (SELECT id FROM results WHERE ok = 0 AND started_at_ms < ? ORDER BY started_at_ms LIMIT ?)', nowMs - Math.max(retention.results, retention.failures)],
        ['DELETE FROM state_changes WHERE id IN (SELECT id FROM state_changes WHERE since_ms < ? ORDER BY since_ms LIMIT ?)', nowMs - retention.changes],
        [
          'DELETE FROM hourly WHERE (monitor_id, start_ms) IN (SELECT monitor_id, start_ms FROM hourly WHERE start_ms < ? ORDER BY start_ms LIMIT ?)',
          nowMs - retention.hourly - BUCKET_MS.hour,
        ],
        ['DELETE FROM daily WHERE (monitor_id, start_ms) IN (SELECT monitor_id, start_ms FROM daily WHERE start_ms < ? ORDER BY start_ms LIMIT ?)', nowMs - retention.daily - BUCKET_MS.day],
        // Ad hoc maintenance windows are kept as long as the incident log.
        ['DELETE FROM maintenance WHERE id IN (SELECT id FROM maintenance WHERE end_ms < ? ORDER BY end_ms LIMIT ?)', nowMs - retention.changes],
      ];
      let left = batchSize;
      try {
        for (const [sql, before] of steps) {
          if (left <= 0) break;
          left -= this.statement(sql).run(before, left).changes;
        }
      } catch (error) {
        throw new StoreError(this.path, `prune failed: ${describeSqliteError(error)}`, { cause: error });
      }
      return of(batchSize - left);
    });
  }

  async results(query: ResultQuery): Promise<ResultPage> {
    this.assertOpen();
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.monitor !== undefined) {
      where.push('r.monitor_id = (SELECT id FROM monitors WHERE name = ?)');
      params.push(query.monitor);
    }
    if (query.sinceMs !== undefined) {
      where.push('r.started_at_ms >= ?');
      params.push(query.sinceMs);
    }
    if (query.untilMs !== undefined) {
      where.push('r.started_at_ms < ?');
      params.push(query.untilMs);
    }
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (after) {
      // The plain bound lets the index range start at the cursor; the OR breaks ties by id.
      where.push(query.order === 'asc' ? 'r.started_at_ms >= ? AND (r.started_at_ms > ? OR r.id > ?)' : 'r.started_at_ms <= ? AND (r.started_at_ms < ? OR r.id < ?)');
      params.push(after.ms, after.ms, after.id);
    }
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const order = `ORDER BY started_at_ms ${dir}, id ${dir}`;
    const rowOrder = `ORDER BY r.started_at_ms ${dir}, r.id ${dir}`;
    const limit = query.limit === undefined ? '' : ' LIMIT ?';
    const select = (extra: string[]): string =>
      `SELECT ${RESULT_SELECT} FROM results r CROSS JOIN monitors m ON m.id = r.monitor_id` +
      ([...where, ...extra].length > 0 ? ` WHERE ${[...where, ...extra].join(' AND ')}` : '');
    let sql: string;
    let all: unknown[];
    if (query.monitor === undefined && query.limit !== undefined) {
      // Every monitor, newest or oldest first: each partial index is already in that order, so
      // merging the two short runs avoids sorting the table.
      sql = `SELECT * FROM (${select(['r.ok = 1'])} ${rowOrder}${limit}) UNION ALL SELECT * FROM (${select(['r.ok = 0'])} ${rowOrder}${limit}) ${order}${limit}`;
      all = [...params, query.limit + 1, ...params, query.limit + 1, query.limit + 1];
    } else {
      sql = `${select([])} ${rowOrder}${limit}`;
      all = query.limit === undefined ? params : [...params, query.limit + 1];
    }
    const rows = this.statement(sql).all(...all) as SqlRow[];
    const page = query.limit === undefined ? rows : rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      results: page.map(decodeResult),
      ...(last && page.length < rows.length ? { next: encodeCursor({ ms: Number(last.started_at_ms), id: Number(last.id) }) } : {}),
    };
  }

  async changes(query: ChangeQuery): Promise<MonitorState[]> {
    this.assertOpen();
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.monitor !== undefined) {
      where.push('m.name = ?');
      params.push(query.monitor);
    }
    if (query.sinceMs !== undefined) {
      where.push('c.since_ms >= ?');
      params.push(query.sinceMs);
    }
    if (query.untilMs !== undefined) {
      where.push('c.since_ms < ?');
      params.push(query.untilMs);
    }
    if (query.limit !== undefined) params.push(query.limit);
    const sql =
      'SELECT c.*, m.name FROM state_changes c JOIN monitors m ON m.id = c.monitor_id' +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY c.id' +
      (query.limit === undefined ? '' : ' LIMIT ?');
    return (this.statement(sql).all(...params) as SqlRow[]).map(decodeChange);
  }

  async uptime(query: UptimeQuery): Promise<UptimeFigure[]> {
    this.assertOpen();
    const width = query.width ?? 'hour';
    const params: unknown[] = [Math.floor(query.sinceMs / BUCKET_MS[width]) * BUCKET_MS[width], query.untilMs];
    let only = '';
    if (query.monitors) {
      only = ' AND b.monitor_id IN (SELECT id FROM monitors WHERE name IN (SELECT value FROM json_each(?)))';
      params.push(JSON.stringify(query.monitors));
    }
    const sums = ['checks', 'ok', 'latency_sum', ...HISTOGRAM_COLUMNS].map((column) => `sum(b.${column}) AS ${column}`).join(', ');
    // Summed before the join: the join then runs once per monitor, not once per bucket (-25 %).
    const sql =
      `SELECT m.name, s.* FROM (SELECT b.monitor_id, ${sums}, min(b.latency_min) AS latency_min, max(b.latency_max) AS latency_max ` +
      `FROM ${width === 'hour' ? 'hourly' : 'daily'} b WHERE b.start_ms >= ? AND b.start_ms < ?${only} GROUP BY b.monitor_id) s ` +
      'JOIN monitors m ON m.id = s.monitor_id';
    return (this.statement(sql).all(...params) as SqlRow[]).map(decodeFigure).sort((a, b) => byName(a.monitor, b.monitor));
  }

  async buckets(monitor: string, query: Omit<UptimeQuery, 'monitors' | 'width'>, width: 'hour' | 'day'): Promise<AggregateBucket[]> {
    this.assertOpen();
    const from = Math.floor(query.sinceMs / BUCKET_MS[width]) * BUCKET_MS[width];
    const sql =
      `SELECT b.*, m.name FROM ${width === 'hour' ? 'hourly' : 'daily'} b JOIN monitors m ON m.id = b.monitor_id ` +
      'WHERE m.name = ? AND b.start_ms >= ? AND b.start_ms < ? ORDER BY b.start_ms';
    return (this.statement(sql).all(monitor, from, query.untilMs) as SqlRow[]).map(decodeBucket);
  }

  async resume(): Promise<HealthSnapshot[]> {
    this.assertOpen();
    return (this.statement('SELECT h.*, m.name FROM health h JOIN monitors m ON m.id = h.monitor_id ORDER BY h.monitor_id').all() as SqlRow[]).map(decodeHealth);
  }

  async monitors(): Promise<string[]> {
    this.assertOpen();
    return (this.statement('SELECT name FROM monitors').pluck().all() as string[]).sort(byName);
  }

  async addMaintenance(window: AdHocWindow): Promise<void> {
    this.assertOpen();
    try {
      this.statement('INSERT INTO maintenance (id, monitor, grp, start_ms, end_ms, reason, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...encodeAdHocWindow(window));
    } catch (error) {
      throw new StoreError(this.path, `write failed: ${describeSqliteError(error)}`, { cause: error });
    }
  }

  async stopMaintenance(target: MaintenanceTarget, nowMs: number): Promise<number> {
    this.assertOpen();
    const [column, value] = 'monitor' in target ? ['monitor', target.monitor] : ['grp', target.group];
    try {
      return this.statement(`UPDATE maintenance SET end_ms = max(start_ms, ?) WHERE ${column} = ? AND end_ms > ?`).run(nowMs, value, nowMs).changes;
    } catch (error) {
      throw new StoreError(this.path, `write failed: ${describeSqliteError(error)}`, { cause: error });
    }
  }

  async maintenance(nowMs: number): Promise<AdHocWindow[]> {
    this.assertOpen();
    return (this.statement('SELECT * FROM maintenance WHERE end_ms > ? ORDER BY start_ms, id').all(nowMs) as SqlRow[]).map(decodeAdHocWindow);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    this.lock?.release();
  }

  /** One transaction's work; returns the monitor rows it added or completed. */
  private writeRows(batch: StoreBatch): Map<string, MonitorRow> {
    const added = new Map<string, MonitorRow>();
    const monitorOf = (name: string, method?: string, url?: string): MonitorRow => {
      let row = added.get(name) ?? this.monitorRows.get(name);
      if (!row) {
        row = this.statement(
          'INSERT INTO monitors (name, method, url) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, name, method, url',
        ).get(name, method ?? null, url ?? null) as MonitorRow;
        added.set(name, row);
      }
      if (row.method === null && method !== undefined) {
        this.statement('UPDATE monitors SET method = ?, url = ? WHERE id = ?').run(method, url ?? null, row.id);
        row = { ...row, method, url: url ?? null };
        added.set(name, row);
      }
      return row;
    };
    const insertResult = this.statement(`INSERT INTO results (${list(RESULT_COLUMNS)}) VALUES (${marks(RESULT_COLUMNS.length)})`);
    for (const result of batch.results) insertResult.run(...encodeResult(result, monitorOf(result.monitor, result.method, result.url)));
    const insertChange = this.statement('INSERT INTO state_changes (monitor_id, state, since_ms, consecutive, result_json, since) VALUES (?, ?, ?, ?, ?, ?)');
    for (const change of batch.changes) insertChange.run(...encodeChange(change, monitorOf(change.monitor).id));
    for (const [width, table] of [['hour', 'hourly'], ['day', 'daily']] as const) {
      const upsert = this.statement(bucketUpsert(table));
      for (const bucket of bucketsOf(batch.results, width)) upsert.run(...encodeBucket(bucket, monitorOf(bucket.monitor).id));
    }
    const upsertHealth = this.statement(
      'INSERT INTO health (monitor_id, state, streak_ok, streak, since_ms, last_ms, since, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (monitor_id) DO UPDATE SET state = excluded.state, streak_ok = excluded.streak_ok, streak = excluded.streak, ' +
        'since_ms = excluded.since_ms, last_ms = excluded.last_ms, since = excluded.since, last_at = excluded.last_at',
    );
    for (const snapshot of batch.health) upsertHealth.run(...encodeHealth(snapshot, monitorOf(snapshot.monitor).id));
    return added;
  }

  /** Prepares each distinct statement once. */
  private statement(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError(this.path, 'the store is closed');
  }
}
