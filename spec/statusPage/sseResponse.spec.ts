import { Subject } from 'rxjs';
import { sseResponse } from '../../src/statusPage/sseResponse.js';
import { listenPerTest } from '../server/listen.js';
import { openSse } from './sseClient.js';

const listen = listenPerTest();

function until(predicate: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error('timed out'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('sseResponse', () => {
  it('subscribes per client and unsubscribes when the client goes away', async () => {
    const events$ = new Subject<{ n: number }>();
    const server = await listen({ 'GET /events': (_req, res) => void sseResponse(res, events$) });
    const client = await openSse(`${server.url}events`);
    await until(() => events$.observed);
    events$.next({ n: 1 });
    await client.waitFor(() => client.events.length === 1);
    expect(client.events).toEqual([{ n: 1 }]);

    client.close();
    await until(() => !events$.observed);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const events$ = new Subject<unknown>();
    const server = await listen({ 'GET /events': (_req, res) => void sseResponse(res, events$, { heartbeatMs: 20 }) });
    const client = await openSse(`${server.url}events`);
    await client.waitFor(() => client.comments.includes('heartbeat'));
    client.close();
  });

  it('ends the response when the stream completes', async () => {
    const events$ = new Subject<unknown>();
    const server = await listen({ 'GET /events': (_req, res) => void sseResponse(res, events$) });
    const client = await openSse(`${server.url}events`);
    await until(() => events$.observed);
    events$.next('last');
    events$.complete();
    await client.ended;
    expect(client.events).toEqual(['last']);
  });
});
