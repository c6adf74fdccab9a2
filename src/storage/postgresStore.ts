import pg from 'pg';
import { type Observable, defer, from, map } from 'rxjs';
import type { MonitorState } from '../operators/health.js';
import { BUCKET_MS, bucketsOf } from './aggregates.js';
import { decodeCursor, encodeCursor } from './resultCursor.js';
import { isFatal, maskUrl, migratePostgres, storeErrorOf } from './sqlPostgres.js';
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
import { BUCKET_COLUMNS, HISTOGRAM_COLUMNS, type Migration, PHASE_COLUMNS, POSTGRES_MIGRATIONS, RESULT_COLUMNS } from './sqlSchema.js';
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

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** The schema rxmon's tables live in (created if missing). Default: the URL's `options=-c search_path=…` when it names one schema, else `public`. */
  schema?: string;
  /** Pool size. Default 4: writes are batched, reads are few. */
  max?: number;
  /** How long to wait for a connection, ms. Default 5000. */
  connectionTimeoutMs?: number;
  /** Each statement's limit, ms (server side; the client gives up 1 s later). Default 10000. */
  statementTimeoutMs?: number;
  /** The migration list (tests inject a longer one). Default: this rxmon's. */
  migrations?: readonly Migration[];
  /** Told about errors of idle connections (the password already masked). Default: ignored. */
  onIdleError?: (message: string) => void;
}

const RESULT_TYPES = [
  'int', 'bigint', 'boolean', 'int', 'bigint', 'bigint', 'float8', 'float8', 'float8', 'float8', 'float8', 'float8',
  'text', 'text', 'int', 'text', 'float8', 'float8', 'text', 'text', 'text', 'boolean',
] as const;
const BUCKET_TYPES = ['int', 'bigint', 'bigint', 'bigint', 'float8', 'float8', 'float8', ...HISTOGRAM_COLUMNS.map(() => 'bigint'), 'float8', 'float8', 'float8', 'float8', 'float8', 'bigint'];
const CHANGE_COLUMNS = ['monitor_id', 'state', 'since_ms', 'consecutive', 'result_json', 'since'];
const CHANGE_TYPES = ['int', 'text', 'bigint', 'int', 'text', 'text'];
const HEALTH_COLUMNS = ['monitor_id', 'state', 'streak_ok', 'streak', 'since_ms', 'last_ms', 'since', 'last_at'];
const HEALTH_TYPES = ['int', 'text', 'boolean', 'int', 'bigint', 'bigint', 'text', 'text'];
const RESULT_SELECT = 'r.*, m.name, m.method AS m_method, m.url AS m_url';

/** `INSERT … SELECT * FROM unnest($1::t1[], …)`: one round trip for any number of rows. */
function unnestInsert(table: string, columns: readonly string[], types: readonly string[], tail = ''): string {
  return `INSERT INTO ${table} AS t (${columns.join(', ')}) SELECT * FROM unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})${tail}`;
}

/** Rows to the per-column arrays `unnest` takes. */
function columnsOf(rows: readonly unknown[][], width: number): unknown[][] {
  const arrays = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((row, r) => row.forEach((value, c) => (arrays[c][r] = value)));
  return arrays;
}

const BUCKET_UPSERT_TAIL =
  ' ON CONFLICT (monitor_id, start_ms) DO UPDATE SET ' +
  [
    ...['checks', 'ok', 'latency_sum', ...HISTOGRAM_COLUMNS, ...PHASE_COLUMNS].map((column) => `${column} = t.${column} + excluded.${column}`),
    'latency_min = LEAST(t.latency_min, excluded.latency_min)',
    'latency_max = GREATEST(t.latency_max, excluded.latency_max)',
  ].join(', ');

/**
 * Opens the PostgreSQL database that several rxmon instances can share (`storage.type: postgres`).
 *
 * A database that is down or unreachable does not stop the daemon: the store is returned anyway,
 * every `write()` errors (the writer sink buffers and retries) and the schema is migrated on the
 * first connection that succeeds. What no retry fixes — refused credentials, a missing database,
 * a schema newer than this rxmon — is thrown here when the server answers at start-up, and is the
 * error of every later call (and of {@link PostgresStore.ready}) when it answers later.
 *
 * ## Example
 * ```ts
 * const store = await openPostgresStore(process.env.RXMON_PG_URL!, { schema: 'rxmon' });
 * await lastValueFrom(store.write({ results, changes: [], health: [] }));
 * await store.close();
 * ```
 *
 * @param url The connection URL; its password never appears in a message.
 * @param options Schema, pool and timeouts.
 * @returns The store, ready or not yet.
 * @throws StoreError for a config problem found at start-up.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  try {
    await store.ready();
  } catch (error) {
    if (isFatal(error) || !(error instanceof StoreError)) {
      await store.close();
      throw error instanceof StoreError ? error : storeErrorOf(error, url, 'cannot open');
    }
  }
  return store;
}

/**
 * The schema a URL's `options` parameter puts first on the search path
 * (`?options=-c%20search_path%3Drxmon`), so that the migration checks and creates its tables
 * there: checked in `public` instead, a second start found no `meta` there and tried to create
 * existing tables (42P07) in the URL's schema, or failed every write when `public` had one.
 *
 * @param url The connection URL.
 * @returns The schema when the URL names exactly one plain lower-case identifier; `undefined` otherwise.
 */
export function schemaOfUrl(url: string): string | undefined {
  let options: string | null;
  try {
    options = new URL(url).searchParams.get('options');
  } catch {
    return undefined;
  }
  const match = options === null ? null : /(?:^|\s)(?:-c\s*|--)search_path=([^\s,]+)(?:\s|$)/.exec(options);
  return match && /^[a-z_][a-z0-9_]{0,62}$/.test(match[1]) ? match[1] : undefined;
}

/** The PostgreSQL {@link Store}; made by {@link openPostgresStore}. */
export class PostgresStore implements Store {
  readonly type = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly where: string;
  private readonly schema: string;
  private readonly migrations: readonly Migration[];
  private migrated?: Promise<void>;
  private closed = false;
  /** Committed monitor rows by name. Another instance may complete a row we hold with NULLs: ours then stores explicit values, which read back the same. */
  private readonly monitorRows = new Map<string, MonitorRow>();

  /**
   * @param url The connection URL.
   * @param options See {@link PostgresStoreOptions}.
   */
  constructor(
    private readonly url: string,
    options: PostgresStoreOptions = {},
  ) {
    this.where = maskUrl(url);
    this.schema = options.schema ?? schemaOfUrl(url) ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) throw new StoreError(this.where, `schema ${JSON.stringify(this.schema)} must be a lower-case identifier`);
    this.migrations = options.migrations ?? POSTGRES_MIGRATIONS;
    const statementTimeout = options.statementTimeoutMs ?? 10_000;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 4,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      statement_timeout: statementTimeout,
      // The server's timeout cannot fire when the network, not the query, is stuck.
      query_timeout: statementTimeout + 1000,
      keepAlive: true,
      options: `-c search_path=${this.schema}`,
      application_name: 'rxmon',
    });
    // An idle client whose server went away emits here; without a listener that is an uncaught exception.
    const onIdleError = options.onIdleError ?? (() => undefined);
    this.pool.on('error', (error) => onIdleError(storeErrorOf(error, url, 'idle connection lost').message));
  }

  /**
   * Connects and migrates if not done yet.
   *
   * @returns Resolves once the schema is usable.
   * @throws StoreError: the server is unreachable (try later), or a config problem (`isFatal`).
   */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError(this.where, 'the store is closed'));
    this.migrated ??= this.withClient((client) => migratePostgres(client, this.schema, this.migrations, this.where), 'cannot open').catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  write(batch: StoreBatch): Observable<void> {
    return defer(() => from(this.writeBatch(batch))).pipe(map(() => undefined));
  }

  prune(retention: Retention, nowMs: number, batchSize: number): Observable<number> {
    return defer(() => from(this.pruneOnce(retention, nowMs, batchSize)));
  }

  async results(query: ResultQuery): Promise<ResultPage> {
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.monitor !== undefined) where.push(`r.monitor_id = (SELECT id FROM monitors WHERE name = ${p(query.monitor)})`);
    if (query.sinceMs !== undefined) where.push(`r.started_at_ms >= ${p(query.sinceMs)}`);
    if (query.untilMs !== undefined) where.push(`r.started_at_ms < ${p(query.untilMs)}`);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (after) {
      const [ms, id] = [p(after.ms), p(after.id)];
      where.push(query.order === 'asc' ? `(r.started_at_ms, r.id) > (${ms}::bigint, ${id}::bigint)` : `(r.started_at_ms, r.id) < (${ms}::bigint, ${id}::bigint)`);
    }
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const limit = query.limit === undefined ? '' : ` LIMIT ${p(query.limit + 1)}`;
    const select = (extra: string[]): string => {
      const all = [...where, ...extra];
      return `SELECT ${RESULT_SELECT} FROM results r JOIN monitors m ON m.id = r.monitor_id${all.length > 0 ? ` WHERE ${all.join(' AND ')}` : ''} ORDER BY r.started_at_ms ${dir}, r.id ${dir}${limit}`;
    };
    // Every monitor: each partial index is already in page order, so merge two short runs.
    const sql =
      query.monitor === undefined && query.limit !== undefined
        ? `(${select(['r.ok'])}) UNION ALL (${select(['NOT r.ok'])}) ORDER BY started_at_ms ${dir}, id ${dir}${limit}`
        : select([]);
    const rows = await this.query(sql, params, 'read failed');
    const page = query.limit === undefined ? rows : rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      results: page.map(decodeResult),
      ...(last && page.length < rows.length ? { next: encodeCursor({ ms: Number(last.started_at_ms), id: Number(last.id) }) } : {}),
    };
  }

  async changes(query: ChangeQuery): Promise<MonitorState[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.monitor !== undefined) where.push(`m.name = ${p(query.monitor)}`);
    if (query.sinceMs !== undefined) where.push(`c.since_ms >= ${p(query.sinceMs)}`);
    if (query.untilMs !== undefined) where.push(`c.since_ms < ${p(query.untilMs)}`);
    const sql =
      'SELECT c.*, m.name FROM state_changes c JOIN monitors m ON m.id = c.monitor_id' +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY c.id' +
      (query.limit === undefined ? '' : ` LIMIT ${p(query.limit)}`);
    return (await this.query(sql, params, 'read failed')).map(decodeChange);
  }

  async uptime(query: UptimeQuery): Promise<UptimeFigure[]> {
    const width = query.width ?? 'hour';
    const params: unknown[] = [Math.floor(query.sinceMs / BUCKET_MS[width]) * BUCKET_MS[width], query.untilMs];
    let only = '';
    if (query.monitors) {
      params.push([...query.monitors]);
      only = ' AND b.monitor_id IN (SELECT id FROM monitors WHERE name = ANY($3::text[]))';
    }
    const sums = ['checks', 'ok', 'latency_sum', ...HISTOGRAM_COLUMNS].map((column) => `sum(b.${column}) AS ${column}`).join(', ');
    const sql =
      `SELECT m.name, ${sums}, min(b.latency_min) AS latency_min, max(b.latency_max) AS latency_max ` +
      `FROM ${width === 'hour' ? 'hourly' : 'daily'} b JOIN monitors m ON m.id = b.monitor_id ` +
      `WHERE b.start_ms >= $1 AND b.start_ms < $2${only} GROUP BY m.name`;
    return (await this.query(sql, params, 'read failed')).map(decodeFigure).sort((a, b) => byName(a.monitor, b.monitor));
  }

  async buckets(monitor: string, query: Omit<UptimeQuery, 'monitors' | 'width'>, width: 'hour' | 'day'): Promise<AggregateBucket[]> {
    const from = Math.floor(query.sinceMs / BUCKET_MS[width]) * BUCKET_MS[width];
    const sql =
      `SELECT b.*, m.name FROM ${width === 'hour' ? 'hourly' : 'daily'} b JOIN monitors m ON m.id = b.monitor_id ` +
      'WHERE m.name = $1 AND b.start_ms >= $2 AND b.start_ms < $3 ORDER BY b.start_ms';
    return (await this.query(sql, [monitor, from, query.untilMs], 'read failed')).map(decodeBucket);
  }

  async resume(): Promise<HealthSnapshot[]> {
    return (await this.query('SELECT h.*, m.name FROM health h JOIN monitors m ON m.id = h.monitor_id ORDER BY h.monitor_id', [], 'read failed')).map(decodeHealth);
  }

  async monitors(): Promise<string[]> {
    return (await this.query('SELECT name FROM monitors', [], 'read failed')).map((row) => row.name as string).sort(byName);
  }

  async addMaintenance(window: AdHocWindow): Promise<void> {
    await this.query('INSERT INTO maintenance (id, monitor, grp, start_ms, end_ms, reason, created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)', encodeAdHocWindow(window), 'write failed');
  }

  async stopMaintenance(target: MaintenanceTarget, nowMs: number): Promise<number> {
    const [column, value] = 'monitor' in target ? ['monitor', target.monitor] : ['grp', target.group];
    const rows = await this.query(`UPDATE maintenance SET end_ms = greatest(start_ms, $1) WHERE ${column} = $2 AND end_ms > $1 RETURNING id`, [nowMs, value], 'write failed');
    return rows.length;
  }

  async maintenance(nowMs: number): Promise<AdHocWindow[]> {
    return (await this.query('SELECT * FROM maintenance WHERE end_ms > $1 ORDER BY start_ms, id', [nowMs], 'read failed')).map(decodeAdHocWindow);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async query(sql: string, params: unknown[], doing: string): Promise<SqlRow[]> {
    await this.ready();
    return this.withClient(async (client) => (await client.query(sql, params)).rows as SqlRow[], doing);
  }

  /**
   * Runs `work` on a checked-out client. A failed client is destroyed, not returned to the pool:
   * after a client-side timeout its connection is mid-query.
   */
  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>, doing: string): Promise<T> {
    if (this.closed) throw new StoreError(this.where, 'the store is closed');
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw storeErrorOf(error, this.url, doing);
    }
    // A checked-out client has no pool listener: a dropped connection between two statements would
    // otherwise be an uncaught exception. The statement in flight fails on its own.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    let failed = false;
    try {
      return await work(client);
    } catch (error) {
      failed = true;
      throw storeErrorOf(error, this.url, doing);
    } finally {
      client.off('error', ignore);
      client.release(failed);
    }
  }

  private async writeBatch(batch: StoreBatch): Promise<void> {
    await this.ready();
    const added = await this.withClient(async (client) => {
      await client.query('BEGIN');
      const rows = await this.monitorsFor(client, batch);
      const row = (name: string): MonitorRow => rows.get(name)!;
      if (batch.results.length > 0) {
        const encoded = batch.results.map((result) => encodeResult(result, row(result.monitor)));
        await client.query(unnestInsert('results', RESULT_COLUMNS, RESULT_TYPES), columnsOf(encoded, RESULT_COLUMNS.length));
        for (const [width, table] of [['hour', 'hourly'], ['day', 'daily']] as const) {
          // One lock order for every instance: no deadlock between two upserting the same buckets.
          const buckets = bucketsOf(batch.results, width)
            .map((bucket) => encodeBucket(bucket, row(bucket.monitor).id))
            .sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
          await client.query(unnestInsert(table, BUCKET_COLUMNS, BUCKET_TYPES, BUCKET_UPSERT_TAIL), columnsOf(buckets, BUCKET_COLUMNS.length));
        }
      }
      if (batch.changes.length > 0) {
        const encoded = batch.changes.map((change) => encodeChange(change, row(change.monitor).id));
        await client.query(unnestInsert('state_changes', CHANGE_COLUMNS, CHANGE_TYPES), columnsOf(encoded, CHANGE_COLUMNS.length));
      }
      if (batch.health.length > 0) {
        // ON CONFLICT may touch a row once per statement: keep each monitor's last snapshot.
        const last = new Map(batch.health.map((snapshot) => [snapshot.monitor, snapshot]));
        const encoded = [...last.values()].map((snapshot) => encodeHealth(snapshot, row(snapshot.monitor).id)).sort((a, b) => (a[0] as number) - (b[0] as number));
        const tail = ` ON CONFLICT (monitor_id) DO UPDATE SET ${HEALTH_COLUMNS.slice(1).map((column) => `${column} = excluded.${column}`).join(', ')}`;
        await client.query(unnestInsert('health', HEALTH_COLUMNS, HEALTH_TYPES, tail), columnsOf(encoded, HEALTH_COLUMNS.length));
      }
      await client.query('COMMIT');
      return rows;
    }, 'write failed');
    for (const [name, row] of added) this.monitorRows.set(name, row);
  }

  /** The monitor rows a batch needs, creating or completing them inside the batch's transaction. */
  private async monitorsFor(client: pg.PoolClient, batch: StoreBatch): Promise<Map<string, MonitorRow>> {
    const wanted = new Map<string, { method?: string; url?: string }>();
    for (const result of batch.results) if (!wanted.has(result.monitor)) wanted.set(result.monitor, { method: result.method, url: result.url });
    for (const { monitor } of [...batch.changes, ...batch.health]) if (!wanted.has(monitor)) wanted.set(monitor, {});
    const rows = new Map<string, MonitorRow>();
    const missing: string[] = [];
    const incomplete: MonitorRow[] = [];
    for (const [name, first] of wanted) {
      const known = this.monitorRows.get(name);
      if (!known) missing.push(name);
      else if (known.method === null && first.method !== undefined) incomplete.push(known);
      else rows.set(name, known);
    }
    if (missing.length > 0) {
      missing.sort(byName);
      const created = await client.query(
        'INSERT INTO monitors (name, method, url) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ' +
          'ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, name, method, url',
        [missing, missing.map((name) => wanted.get(name)!.method ?? null), missing.map((name) => wanted.get(name)!.url ?? null)],
      );
      for (const row of created.rows as MonitorRow[]) {
        if (row.method === null && wanted.get(row.name)!.method !== undefined) incomplete.push(row);
        else rows.set(row.name, row);
      }
    }
    if (incomplete.length > 0) {
      for (const row of incomplete) rows.set(row.name, row);
      const completed = await client.query(
        'UPDATE monitors SET method = v.method, url = v.url FROM unnest($1::int[], $2::text[], $3::text[]) AS v(id, method, url) ' +
          'WHERE monitors.id = v.id AND monitors.method IS NULL RETURNING monitors.id, monitors.name, monitors.method, monitors.url',
        [incomplete.map((row) => row.id), incomplete.map((row) => wanted.get(row.name)!.method), incomplete.map((row) => wanted.get(row.name)!.url ?? null)],
      );
      for (const row of completed.rows as MonitorRow[]) rows.set(row.name, row);
    }
    return rows;
  }

  private async pruneOnce(retention: Retention, nowMs: number, batchSize: number): Promise<number> {
    await this.ready();
    const steps: Array<[string, number]> = [
      ['DELETE FROM results WHERE id IN (SELECT id FROM results WHERE ok AND started_at_ms < $1 ORDER BY started_at_ms LIMIT $2)', nowMs - retention.results],
      ['DELETE FROM results WHERE id IN (SELECT id FROM results WHERE NOT ok AND started_at_ms < $1 ORDER BY started_at_ms LIMIT $2)', nowMs - Math.max(retention.results, retention.failures)],
      ['DELETE FROM state_changes WHERE id IN (SELECT id FROM state_changes WHERE since_ms < $1 ORDER BY since_ms LIMIT $2)', nowMs - retention.changes],
      ['DELETE FROM hourly WHERE (monitor_id, start_ms) IN (SELECT monitor_id, start_ms FROM hourly WHERE start_ms < $1 ORDER BY start_ms LIMIT $2)', nowMs - retention.hourly - BUCKET_MS.hour],
      ['DELETE FROM daily WHERE (monitor_id, start_ms) IN (SELECT monitor_id, start_ms FROM daily WHERE start_ms < $1 ORDER BY start_ms LIMIT $2)', nowMs - retention.daily - BUCKET_MS.day],
      // Ad hoc maintenance windows are kept as long as the incident log.
      ['DELETE FROM maintenance WHERE id IN (SELECT id FROM maintenance WHERE end_ms < $1 ORDER BY end_ms LIMIT $2)', nowMs - retention.changes],
    ];
    return this.withClient(async (client) => {
      let left = batchSize;
      for (const [sql, before] of steps) {
        if (left <= 0) break;
        left -= (await client.query(sql, [before, left])).rowCount ?? 0;
      }
      return batchSize - left;
    }, 'prune failed');
  }
}
