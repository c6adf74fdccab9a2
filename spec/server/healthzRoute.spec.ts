import { healthzRoute } from '../../src/server/healthzRoute.js';
import { listenPerTest } from './listen.js';

describe('healthzRoute (GET /healthz)', () => {
  const listen = listenPerTest();

  it('answers 200 ok while running and 503 once not', async () => {
    let running = true;
    const server = await listen({ 'GET /healthz': healthzRoute(() => running) });

    const up = await fetch(new URL('healthz', server.url));
    expect([up.status, await up.text()]).toEqual([200, 'ok\n']);

    running = false;
    const down = await fetch(new URL('healthz', server.url));
    expect([down.status, await down.text()]).toEqual([503, 'not running\n']);
  });
});
