import pg from 'pg';

/** The test database (CI creates it: see `.ci/run`). */
export const PG_URL = process.env.RXMON_TEST_PG_URL ?? 'postgres://rxmon_test:rxmon_test@127.0.0.1:5432/rxmon_test';

let counter = 0;

/**
 * A schema name no other test (or parallel Jest worker) uses.
 *
 * @returns Such as `rxmon_t_4242_3`.
 */
export function uniqueSchema(): string {
  counter += 1;
  return `rxmon_t_${process.pid}_${Date.now() % 1_000_000}_${counter}`;
}

/**
 * Whether the test server answers; warns loudly when it does not, so a skip is never silent.
 *
 * @param suite The suite that will be skipped.
 * @returns True when reachable.
 */
export async function postgresReachable(suite: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    console.warn(`POSTGRES NOT REACHABLE: ${suite} skipped (${(error as Error).message}); set RXMON_TEST_PG_URL or run .ci/run`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Drops test schemas.
 *
 * @param schemas Their names.
 */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
