import { openPostgresStore } from '../../src/storage/postgresStore.js';
import { PG_URL, dropSchemas, postgresReachable, uniqueSchema } from './pgTestDb.js';
import { describeStoreContract } from './storeContract.js';

const reachable = await postgresReachable('PostgresStore contract');
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

if (reachable) {
  describeStoreContract('PostgresStore', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    return openPostgresStore(PG_URL, { schema });
  });
} else {
  it.skip('PostgresStore contract (POSTGRES NOT REACHABLE)', () => undefined);
}
