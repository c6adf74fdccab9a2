import pg from 'pg';
import { lastValueFrom } from 'rxjs';
import { openPostgresStore } from '../../src/storage/postgresStore.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from './pgTestDb.js';
import { T0, batchOf, fullResult } from './storeFixtures.js';

const reachable = await postgresReachable('PostgresStore with the schema in the URL');
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

/** `storage.url` is all a user can configure: `?options=-c search_path=<schema>` picks the schema. */
(reachable ? describe : describe.skip)('PostgresStore on a URL with options=-c search_path=<schema>', () => {
  it('migrates that schema, and a second open (a restart, rxmon history) finds its tables', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const first = await openPostgresStore(url.toString());
    await lastValueFrom(first.write(batchOf([fullResult('api', T0)])));
    await first.close();

    const second = await openPostgresStore(url.toString());
    expect((await second.results({ order: 'asc' })).results).toEqual([fullResult('api', T0)]);
    await second.close();

    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const tables = await client.query('SELECT table_schema FROM information_schema.tables WHERE table_name = $1 AND table_schema = $2', ['meta', schema]);
    await client.end();
    expect(tables.rows).toEqual([{ table_schema: schema }]);
  });
});
