import type pg from 'pg';
import { type Migration, latestVersion, pendingMigrations } from './sqlSchema.js';
import { StoreError } from './storeError.js';

/**
 * The PostgreSQL adapter's helpers: secrets kept out of messages, errors sorted into "try again
 * later" and "fix the config", and the locked, transactional migration.
 */

/**
 * The URL as it may be printed: the password replaced by `***`.
 *
 * @param url A connection URL.
 * @returns Such as `postgres://rxmon:***@db.internal:5432/rxmon`.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * Removes the URL's password (raw and percent-decoded) from a message.
 *
 * @param message A message that may quote it.
 * @param url The connection URL.
 * @returns The message with `***` for the password.
 */
export function scrub(message: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return message.split(url).join(maskUrl(url));
  }
  if (password === '') return message;
  let out = message.split(url).join(maskUrl(url));
  for (const secret of new Set([password, safeDecode(password)])) if (secret.length > 0) out = out.split(secret).join('***');
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** SQLSTATEs and codes that no retry will fix: wrong credentials, no such database or role. */
const FATAL_CODES = new Set(['28P01', '28000', '3D000', '42501', 'ERR_INVALID_URL']);

/**
 * A driver error as a {@link StoreError} on the masked URL, `fatal` when a retry cannot help.
 *
 * @param error What `pg` threw.
 * @param url The connection URL.
 * @param doing What was being done, such as `write failed`.
 * @returns The error to surface.
 */
export function storeErrorOf(error: unknown, url: string, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  const { message, code } = error as { message?: string; code?: string };
  const text = scrub(`${doing}: ${message ?? String(error)}${code && !String(message).includes(code) ? ` (${code})` : ''}`, url);
  // The driver's code rides on a cause of its own (the scrubbed text, never the driver's error), so
  // that `store write failed` logs `ECONNREFUSED`, `57P01`, … rather than `STORE_ERROR`.
  const wrapped = new StoreError(maskUrl(url), text, typeof code === 'string' && code !== '' ? { cause: Object.assign(new Error(text), { code }) } : undefined);
  if (code !== undefined && FATAL_CODES.has(code)) fatalErrors.add(wrapped);
  return wrapped;
}

const fatalErrors = new WeakSet<StoreError>();

/**
 * Whether an error from {@link storeErrorOf} or {@link migratePostgres} calls for a config fix
 * rather than a retry.
 *
 * @param error The error.
 * @returns True for bad credentials, a missing database, a newer schema.
 */
export function isFatal(error: unknown): boolean {
  return error instanceof StoreError && fatalErrors.has(error);
}

/**
 * Creates the schema if needed and brings it to the newest version, in one transaction, holding
 * an advisory lock so that several rxmon instances starting together migrate once.
 *
 * @param client A checked-out client.
 * @param schema The schema (already validated as a plain identifier).
 * @param migrations The dialect's migrations.
 * @param where The masked URL, for messages.
 * @throws StoreError (fatal) when the schema is newer than this rxmon.
 */
export async function migratePostgres(client: pg.PoolClient, schema: string, migrations: readonly Migration[], where: string): Promise<void> {
  const known = latestVersion(migrations);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rxmon-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const exists = await client.query('SELECT to_regclass($1) AS meta', [`"${schema}".meta`]);
    const current = exists.rows[0].meta === null ? 0 : Number((await client.query("SELECT value FROM meta WHERE key = 'schema_version'")).rows[0]?.value ?? 0);
    if (current > known) {
      const error = new StoreError(where, `schema version ${current} is newer than this rxmon (${known}); upgrade rxmon`);
      fatalErrors.add(error);
      throw error;
    }
    for (const migration of pendingMigrations(migrations, current)) {
      for (const statement of migration.statements) await client.query(statement);
    }
    await client.query(
      "INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [String(Math.max(current, known))],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
