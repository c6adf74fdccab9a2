import { maintenanceRoutes } from '../../src/api/maintenanceRoutes.js';
import { parseMaintenanceRequest } from '../../src/api/maintenanceRequest.js';
import type { LiveMonitors } from '../../src/live/liveMonitors.js';
import type { MemoryStore } from '../../src/storage/memoryStore.js';
import { listenPerTest } from '../server/listen.js';
import { NOW, apiFixture } from './fixtures.js';

const listen = listenPerTest();
let store: MemoryStore;
let live: LiveMonitors;
let base: string;
let changes: number;

beforeEach(async () => {
  ({ store, live } = await apiFixture());
  changes = 0;
  base = (await listen(maintenanceRoutes({ store, live, now: () => NOW, changed: () => (changes += 1) }))).url;
});

async function call(method: string, path: string, body?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, base), { method, ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
  return { status: response.status, body: await response.json() };
}

describe('POST /api/v1/maintenance', () => {
  it('keeps an ad hoc window from now in the store and says so at once', async () => {
    const { status, body } = await call('POST', '/api/v1/maintenance', JSON.stringify({ group: 'public', for: '30m', reason: 'deploy' }));
    expect(status).toBe(201);
    expect(body).toEqual({ window: { id: expect.any(String), group: 'public', start: new Date(NOW).toISOString(), end: new Date(NOW + 30 * 60_000).toISOString(), reason: 'deploy' } });
    expect(await store.maintenance(NOW)).toEqual([{ id: body.window.id, group: 'public', startMs: NOW, endMs: NOW + 30 * 60_000, reason: 'deploy', createdMs: NOW }]);
    expect(changes).toBe(1);
  });

  it.each([
    ['not JSON', '{', 400, 'body: not valid JSON'],
    ['neither monitor nor group', '{"for":"5m"}', 400, 'monitor or group: give exactly one of them'],
    ['both', '{"monitor":"web","group":"public","for":"5m"}', 400, 'monitor or group: give exactly one of them'],
    ['an unknown monitor', '{"monitor":"nope","for":"5m"}', 404, 'monitor: unknown monitor "nope"'],
    ['an unknown group', '{"group":"nope","for":"5m"}', 404, 'group: unknown group "nope" (no monitor has it)'],
    ['no duration', '{"monitor":"web"}', 400, 'for: expected a duration such as "30m" or "2h"'],
    ['too long', '{"monitor":"web","for":"31d"}', 400, 'for: expected at most 30d'],
    ['an unknown field', '{"monitor":"web","for":"5m","until":"x"}', 400, 'until: unknown field (expected monitor, group, for, reason)'],
  ])('refuses %s, naming the field', async (_name, body, status, error) => {
    expect(await call('POST', '/api/v1/maintenance', body)).toEqual({ status, body: { error } });
    expect(await store.maintenance(NOW)).toEqual([]);
  });
});

describe('DELETE and GET /api/v1/maintenance', () => {
  it('ends the windows of a monitor now and lists what is left', async () => {
    await call('POST', '/api/v1/maintenance', JSON.stringify({ monitor: 'web', for: '1h' }));
    await call('POST', '/api/v1/maintenance', JSON.stringify({ monitor: 'slow', for: '1h' }));
    expect(await call('DELETE', '/api/v1/maintenance?monitor=web')).toEqual({ status: 200, body: { stopped: 1 } });
    const listed = await call('GET', '/api/v1/maintenance');
    expect(listed.body.adHoc).toEqual([expect.objectContaining({ monitor: 'slow' })]);
    expect(await call('DELETE', '/api/v1/maintenance')).toEqual({ status: 400, body: { error: 'monitor or group: give exactly one of them' } });
  });

  it('lists the windows on now with the monitors each covers', async () => {
    const window = { name: 'nightly', source: 'config' as const, start: '2024-06-15T12:00:00.000Z', end: '2024-06-15T14:00:00.000Z' };
    live.setMaintenance('web', window);
    live.setMaintenance('slow', window);
    expect((await call('GET', '/api/v1/maintenance')).body).toEqual({ active: [{ ...window, monitors: ['web', 'slow'] }], adHoc: [] });
    expect(live.get('web')).toMatchObject({ state: 'maintenance', maintenance: window });
    live.setMaintenance('web', undefined);
    expect(live.get('web')?.state).toBe('down');
    expect(live.get('web')?.maintenance).toBeUndefined();
  });
});

describe('parseMaintenanceRequest', () => {
  it('reads a bare number as seconds and drops an empty reason', () => {
    expect(parseMaintenanceRequest({ monitor: 'web', for: 90, reason: '' }, { monitors: ['web'], groups: [] })).toEqual({ ok: true, request: { target: { monitor: 'web' }, forMs: 90_000 } });
  });
});
