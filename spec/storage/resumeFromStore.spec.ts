import { lastValueFrom } from 'rxjs';
import { MemoryStore } from '../../src/storage/memoryStore.js';
import { resumeFromStore } from '../../src/storage/resumeFromStore.js';
import { StoreError } from '../../src/storage/storeError.js';
import { T0, batchOf, fullResult } from './storeFixtures.js';

describe('resumeFromStore', () => {
  const monitors = [{ name: 'api' }] as never;

  it('reads the stored health tracks', async () => {
    const store = new MemoryStore();
    const result = fullResult('api', T0);
    await lastValueFrom(store.write(batchOf([result], [], [{ monitor: 'api', track: { state: 'up', streakOk: true, streak: 1 }, lastAt: result.startedAt }])));
    const resumed = await resumeFromStore({ store, monitors, statusPage: false, historySize: 10, nowMs: T0 });
    expect(resumed.tracks.map((snapshot) => snapshot.monitor)).toEqual(['api']);
    expect(resumed.unavailable).toBeUndefined();
  });

  describe('when the store cannot be read at start-up (a database that is away)', () => {
    it('resolves with nothing to resume and says why, instead of rejecting', async () => {
      const away = new StoreError('postgres://rxmon:***@db:5432/rxmon', 'cannot open: connect ECONNREFUSED 127.0.0.1:5432');
      const store = new MemoryStore();
      store.resume = () => Promise.reject(away);
      await expect(resumeFromStore({ store, monitors, statusPage: true, historySize: 10, nowMs: T0 })).resolves.toEqual({ tracks: [], down: [], pages: [], unavailable: away });
    });
  });
});
