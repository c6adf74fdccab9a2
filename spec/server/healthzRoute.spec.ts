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

describe('healthzRoute with a readiness reason (a cluster member)', () => {
  const listen = listenPerTest();

  it('answers 503 with the reason while running but not ready, and 200 ok once ready', async () => {
    let reason: string | undefined = 'cluster: a checks 10 of its 86 slots';
    const server = await listen({ 'GET /healthz': healthzRoute(() => true, () => reason) });

    const short = await fetch(new URL('healthz', server.url));
    expect([short.status, await short.text()]).toEqual([503, 'cluster: a checks 10 of its 86 slots\n']);

    reason = undefined;
    const ready = await fetch(new URL('healthz', server.url));
    expect([ready.status, await ready.text()]).toEqual([200, 'ok\n']);
  });
});
