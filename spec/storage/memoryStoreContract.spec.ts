import { lastValueFrom } from 'rxjs';
import { batchOf, changeOf, fullResult } from './storeFixtures.js';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import { describeStoreContract } from './storeContract.js';

describeStoreContract('MemoryStore', async () => new MemoryStore());

describe('MemoryStore without readers (no listener in the process)', () => {
  it('keeps no raw results at maxResultsPerMonitor 0 and no aggregates with aggregates: false, but still the changes', async () => {
    const store = new MemoryStore({ maxResultsPerMonitor: 0, aggregates: false });
    const ms = Date.UTC(2026, 0, 1, 12);
    const result = fullResult('web', ms);
    await lastValueFrom(store.write(batchOf([result], [changeOf(result, 'down')])));
    expect((await store.results({ monitor: 'web', order: 'asc' })).results).toEqual([]);
    expect(await store.uptime({ sinceMs: ms - 3_600_000, untilMs: ms + 3_600_000 })).toEqual([]);
    expect(await store.changes({ monitor: 'web' })).toHaveLength(1);
  });
});
