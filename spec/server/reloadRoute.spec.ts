import { type ReloadOutcome, reloadRoute } from '../../src/server/reloadRoute.js';
import { listenPerTest } from './listen.js';

describe('reloadRoute (POST /-/reload)', () => {
  const listen = listenPerTest();

  async function post(outcome: () => Promise<ReloadOutcome>) {
    let calls = 0;
    const server = await listen({
      'POST /-/reload': reloadRoute(() => {
        calls += 1;
        return outcome();
      }),
    });
    const response = await fetch(new URL('-/reload', server.url), { method: 'POST', body: 'ignored' });
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type'), calls };
  }

  describe('when the new config is applied', () => {
    it('answers 200 with the message', async () => {
      expect(await post(async () => ({ ok: true, message: 'reloaded: 3 monitors (1 added)' }))).toEqual({
        status: 200,
        text: 'reloaded: 3 monitors (1 added)\n',
        type: 'text/plain; charset=utf-8',
        calls: 1,
      });
    });
  });

  describe('when the new config is invalid', () => {
    it('answers 400 with the file:line message', async () => {
      const result = await post(async () => ({ ok: false, message: 'rxmon.yml:12: monitors.api.url: invalid URL' }));
      expect([result.status, result.text]).toEqual([400, 'rxmon.yml:12: monitors.api.url: invalid URL\n']);
    });
  });

  describe('when reload itself rejects', () => {
    it('answers 500', async () => {
      expect((await post(() => Promise.reject(new Error('disk on fire')))).status).toBe(500);
    });
  });
});
