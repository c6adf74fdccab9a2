/**
 * The SQL schema both adapters share: the same tables and columns in SQLite and PostgreSQL, with
 * the dialect's types. Versioned in `meta.schema_version`; a database at an older version is
 * migrated in place at start-up, one newer than {@link SCHEMA_VERSION} is refused.
 */

/** One step of the schema: the statements that take a database from `version - 1` to `version`. */
export interface Migration {
  version: number;
  statements: readonly string[];
}

/** The schema version this rxmon writes (the last migration's). */
export const SCHEMA_VERSION = 2;

/**
 * Columns of `results`, in the order the codec ({@link encodeResult} in `sqlRows.ts`) emits them.
 * Times of phases, `duration` and `lag` are µs-coded (see `sqlRows.ts`); `method`, `url` and
 * `started_at` are NULL in the common case (equal to the monitor row's, canonical ISO).
 */
export const RESULT_COLUMNS = [
  'monitor_id',
  'started_at_ms',
  'ok',
  'status',
  'bytes',
  'content_length',
  'duration',
  'dns',
  'connect',
  'tls',
  'first_byte',
  'transfer',
  'error_code',
  'error_message',
  'redirects',
  'final_url',
  'cert_days',
  'lag',
  'method',
  'url',
  'started_at',
  'maintenance',
] as const;

/** The 12 histogram columns of an aggregate bucket (`LATENCY_BUCKETS_MS` plus the open bucket). */
export const HISTOGRAM_COLUMNS = ['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9', 'h10', 'h11'] as const;

/** The phase-sum columns of an aggregate bucket, then how many checks had timings. */
export const PHASE_COLUMNS = ['dns_sum', 'connect_sum', 'tls_sum', 'first_byte_sum', 'transfer_sum', 'phase_count'] as const;

/** Columns of `hourly` and `daily`, keys first. */
export const BUCKET_COLUMNS = [
  'monitor_id',
  'start_ms',
  'checks',
  'ok',
  'latency_sum',
  'latency_min',
  'latency_max',
  ...HISTOGRAM_COLUMNS,
  ...PHASE_COLUMNS,
] as const;

/** The type words of one dialect. */
interface Dialect {
  id: string;
  int: string;
  big: string;
  real: string;
  bool: string;
  /** Suffix of key-only tables (SQLite stores them without a hidden rowid). */
  keyed: string;
}

const SQLITE: Dialect = { id: 'INTEGER PRIMARY KEY', int: 'INTEGER', big: 'INTEGER', real: 'REAL', bool: 'INTEGER', keyed: ' WITHOUT ROWID' };
const POSTGRES: Dialect = { id: 'BIGSERIAL PRIMARY KEY', int: 'INTEGER', big: 'BIGINT', real: 'DOUBLE PRECISION', bool: 'BOOLEAN', keyed: '' };

function version1(d: Dialect, okTrue: string, okFalse: string): Migration {
  const bucket = (name: string): string[] => [
    `CREATE TABLE ${name} (monitor_id ${d.int} NOT NULL, start_ms ${d.big} NOT NULL, checks ${d.big} NOT NULL, ok ${d.big} NOT NULL, ` +
      `latency_sum ${d.real} NOT NULL, latency_min ${d.real}, latency_max ${d.real}, ` +
      HISTOGRAM_COLUMNS.map((column) => `${column} ${d.big} NOT NULL`).join(', ') +
      ', ' +
      PHASE_COLUMNS.map((column) => `${column} ${column === 'phase_count' ? d.big : d.real} NOT NULL`).join(', ') +
      `, PRIMARY KEY (monitor_id, start_ms))${d.keyed}`,
    // Retention deletes the oldest buckets of every monitor: without this it would scan the table.
    `CREATE INDEX ${name}_start ON ${name} (start_ms)`,
  ];
  return {
    version: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)${d.keyed}`,
      // method and url are the values first seen: results equal to them store NULL. They go from
      // NULL to a value once and never change, so a stored NULL always means the same thing.
      `CREATE TABLE monitors (id ${d.id}, name TEXT NOT NULL UNIQUE, method TEXT, url TEXT)`,
      `CREATE TABLE results (id ${d.id}, monitor_id ${d.int} NOT NULL, started_at_ms ${d.big} NOT NULL, ok ${d.bool} NOT NULL, ` +
        `status ${d.int}, bytes ${d.big} NOT NULL, content_length ${d.big}, duration ${d.real} NOT NULL, ` +
        `dns ${d.real}, connect ${d.real}, tls ${d.real}, first_byte ${d.real}, transfer ${d.real}, ` +
        `error_code TEXT, error_message TEXT, redirects ${d.int}, final_url TEXT, cert_days ${d.real}, lag ${d.real}, ` +
        'method TEXT, url TEXT, started_at TEXT)',
      'CREATE INDEX results_monitor_time ON results (monitor_id, started_at_ms)',
      // Ok and failed results expire at different ages: one partial index each lets retention take
      // the oldest of a kind without stepping over the other, and together they order reads of
      // every monitor at the cost of a single index.
      `CREATE INDEX results_ok_time ON results (started_at_ms) WHERE ${okTrue}`,
      `CREATE INDEX results_failed_time ON results (started_at_ms) WHERE ${okFalse}`,
      `CREATE TABLE state_changes (id ${d.id}, monitor_id ${d.int} NOT NULL, state TEXT NOT NULL, since_ms ${d.big} NOT NULL, ` +
        `consecutive ${d.int} NOT NULL, result_json TEXT NOT NULL, since TEXT)`,
      'CREATE INDEX state_changes_monitor ON state_changes (monitor_id, since_ms)',
      'CREATE INDEX state_changes_since ON state_changes (since_ms)',
      ...bucket('hourly'),
      ...bucket('daily'),
      `CREATE TABLE health (monitor_id ${d.int} PRIMARY KEY, state TEXT NOT NULL, streak_ok ${d.bool} NOT NULL, streak ${d.int} NOT NULL, ` +
        `since_ms ${d.big}, last_ms ${d.big} NOT NULL, since TEXT, last_at TEXT)`,
    ],
  };
}

/**
 * Version 2, maintenance windows: `results.maintenance` (true for a check that started inside a
 * window; NULL otherwise, so v1 rows read back unchanged) and `maintenance`, the ad hoc windows of
 * `rxmon maintenance start` and `POST /api/v1/maintenance` (exactly one of monitor and grp set;
 * `end_ms` moves to the stop time on a stop).
 */
function version2(d: Dialect): Migration {
  return {
    version: 2,
    statements: [
      `ALTER TABLE results ADD COLUMN maintenance ${d.bool}`,
      `CREATE TABLE maintenance (id TEXT PRIMARY KEY, monitor TEXT, grp TEXT, start_ms ${d.big} NOT NULL, end_ms ${d.big} NOT NULL, ` +
        `reason TEXT, created_ms ${d.big} NOT NULL)`,
      'CREATE INDEX maintenance_end ON maintenance (end_ms)',
    ],
  };
}

/** SQLite's migrations, oldest first. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [version1(SQLITE, 'ok = 1', 'ok = 0'), version2(SQLITE)];

/** PostgreSQL's migrations, oldest first. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [version1(POSTGRES, 'ok', 'NOT ok'), version2(POSTGRES)];

/**
 * The migrations a database at `current` still needs, and the version they reach.
 *
 * @param migrations A dialect's list, oldest first.
 * @param current The version the database is at (0 for an empty one).
 * @returns The steps to run in order; empty when it is up to date.
 */
export function pendingMigrations(migrations: readonly Migration[], current: number): Migration[] {
  return migrations.filter((migration) => migration.version > current);
}

/**
 * The version a migration list ends at.
 *
 * @param migrations A dialect's list, oldest first.
 * @returns The last version (0 for an empty list).
 */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}
