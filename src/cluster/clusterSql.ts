/**
 * The SQL of the cluster's coordinator (PostgreSQL only). Its two tables live in the store's schema
 * next to rxmon's own, but outside the store's versioned migrations: they hold no history, only who
 * is alive and who had each slot, and `CREATE … IF NOT EXISTS` under a lock is all they need.
 */

/** The second key of the shared advisory lock every live member holds (slots use 0 … slots−1). */
export const MEMBER_KEY = 2_147_483_647;
/** The second key of the transaction lock that serialises creating the tables. */
export const SETUP_KEY = 2_147_483_646;

/** Creates the tables (run inside a transaction holding the setup lock). */
export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS rxmon_cluster_members (
  instance text PRIMARY KEY,
  pid int NOT NULL,
  started_at timestamptz NOT NULL,
  last_seen timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS rxmon_cluster_slots (
  slot int PRIMARY KEY,
  instance text NOT NULL,
  released boolean NOT NULL,
  hold_until timestamptz NOT NULL,
  since timestamptz NOT NULL
)`;

/** The current database's oid, for `pg_locks.database` (advisory locks are per database). */
const DATABASE = '(SELECT oid FROM pg_database WHERE datname = current_database())';

/**
 * The live members: rows whose session holds the shared membership lock now. A session that ended
 * (a killed process, a cut connection) drops out at once, whatever its `last_seen` says. $1: key 1.
 */
export const LIVE_MEMBERS = `
SELECT instance FROM (
  SELECT DISTINCT ON (m.pid) m.instance, m.started_at
  FROM rxmon_cluster_members m
  JOIN pg_locks l ON l.pid = m.pid AND l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
   AND l.classid = $1::int::oid AND l.objid = ${MEMBER_KEY}::int::oid AND l.database = ${DATABASE}
  ORDER BY m.pid, m.last_seen DESC
) live ORDER BY started_at, instance`;

/** Who holds each slot lock now. $1: key 1, $2: the slot count. */
export const SLOT_HOLDERS = `
SELECT l.objid::int8::int AS slot, coalesce(m.instance, 'pid ' || l.pid) AS instance
FROM pg_locks l LEFT JOIN rxmon_cluster_members m ON m.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = $1::int::oid
  AND l.objid::int8 < $2 AND l.database = ${DATABASE}`;

/** Registers this session's member row. $1: instance, $2: its start time (ISO). */
export const REGISTER = `
WITH gone AS (DELETE FROM rxmon_cluster_members WHERE (pid = pg_backend_pid() AND instance <> $1) OR last_seen < now() - interval '1 day')
INSERT INTO rxmon_cluster_members (instance, pid, started_at, last_seen) VALUES ($1, pg_backend_pid(), $2, now())
ON CONFLICT (instance) DO UPDATE SET pid = excluded.pid, started_at = excluded.started_at, last_seen = now()`;

/** The heartbeat. $1: instance. */
export const TOUCH = `UPDATE rxmon_cluster_members SET last_seen = now() WHERE instance = $1 AND pid = pg_backend_pid()`;

/** Tries slot locks. $1: key 1, $2: slots. */
export const TRY_LOCK = `SELECT s AS slot, pg_try_advisory_lock($1::int, s) AS ok FROM unnest($2::int[]) AS s`;

/**
 * Takes the slot rows of newly locked slots and says how long to wait on each: nothing after a
 * clean release (what is left of an earlier wait aside), the fencing bound after an owner that lost
 * its session holding it. Server time throughout. $1: instance, $2: slots, $3: fencing bound, ms.
 */
export const TAKE_SLOTS = `
WITH before AS (
  SELECT s.slot, p.instance, p.released, p.hold_until
  FROM unnest($2::int[]) AS s(slot) LEFT JOIN rxmon_cluster_slots p ON p.slot = s.slot
), waits AS (
  SELECT slot, CASE
    WHEN instance IS NULL THEN now()
    WHEN released OR instance = $1 THEN greatest(hold_until, now())
    ELSE now() + make_interval(secs => $3::float8 / 1000)
  END AS hold_until FROM before
), taken AS (
  INSERT INTO rxmon_cluster_slots (slot, instance, released, hold_until, since)
  SELECT slot, $1, false, hold_until, now() FROM waits
  ON CONFLICT (slot) DO UPDATE SET instance = excluded.instance, released = false, hold_until = excluded.hold_until, since = now()
  RETURNING slot, hold_until
)
SELECT slot, greatest(0, extract(epoch FROM hold_until - now()) * 1000)::float8 AS wait_ms FROM taken`;

/** Marks slots released cleanly (their monitors stopped). $1: instance, $2: slots. */
export const MARK_RELEASED = `UPDATE rxmon_cluster_slots SET released = true, since = now() WHERE instance = $1 AND slot = ANY($2::int[])`;

/** Unlocks slot locks. $1: key 1, $2: slots. */
export const UNLOCK = `SELECT pg_advisory_unlock($1::int, s) FROM unnest($2::int[]) AS s`;
