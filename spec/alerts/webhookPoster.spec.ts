import { firstValueFrom } from 'rxjs';
import { createWebhookPoster, postOnce, type WebhookRequest } from '../../src/alerts/webhookPoster.js';
import { type Receiver, downAddress, eventually, hangingReceiver, recordingReceiver } from './webhookReceivers.js';

function requestTo(url: string): WebhookRequest {
  return { url, headers: { 'X-Token': 'header-secret' }, body: '{"text":"api is DOWN"}', contentType: 'application/json' };
}

describe('createWebhookPoster', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  describe('when the receiver answers 2xx', () => {
    it('POSTs the body with the content type and headers, and resolves ok', async () => {
      receiver = await recordingReceiver(200);
      const outcome = await createWebhookPoster()(requestTo(`${receiver.base}/hook/TOKEN?x=1`));

      expect(outcome).toEqual({ ok: true, status: 200 });
      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/hook/TOKEN?x=1');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-token']).toBe('header-secret');
      expect(JSON.parse(request.body)).toEqual({ text: 'api is DOWN' });
    });

    it.each(['Content-Type', 'content-type'])('lets a configured %s win', async (name) => {
      receiver = await recordingReceiver(204);
      const request = { ...requestTo(`${receiver.base}/`), headers: { [name]: 'application/vnd.custom+json' } };
      expect(await createWebhookPoster()(request)).toEqual({ ok: true, status: 204 });
      expect(receiver.requests[0].headers['content-type']).toBe('application/vnd.custom+json');
    });
  });

  describe('when the receiver answers another status', () => {
    it('resolves UNEXPECTED_STATUS naming the host only', async () => {
      receiver = await recordingReceiver(500);
      const outcome = await createWebhookPoster()(requestTo(`${receiver.base}/hook/TOKEN`));

      expect(outcome.ok).toBe(false);
      expect(outcome.status).toBe(500);
      expect(outcome.error?.code).toBe('UNEXPECTED_STATUS');
      expect(outcome.error?.message).toBe(`${new URL(receiver.base).host} answered 500`);
    });
  });

  describe('when nothing listens', () => {
    it('resolves ECONNREFUSED', async () => {
      const outcome = await createWebhookPoster()(requestTo(`${await downAddress()}/hook/TOKEN`));

      expect(outcome.ok).toBe(false);
      expect(outcome.status).toBeUndefined();
      expect(outcome.error?.code).toBe('ECONNREFUSED');
      expect(outcome.error?.message).not.toContain('TOKEN');
    });
  });

  describe('when the receiver hangs', () => {
    it('resolves TIMEOUT at the deadline and closes the connection', async () => {
      receiver = await hangingReceiver();
      const outcome = await createWebhookPoster({ timeoutMs: 200 })(requestTo(`${receiver.base}/hook/TOKEN`));

      expect(outcome).toEqual({
        ok: false,
        error: { code: 'TIMEOUT', message: `${new URL(receiver.base).host} did not answer within 200 ms` },
      });
      const hanging = receiver;
      await eventually(() => hanging.closedSockets() === 1);
    });

    it('resolves ABORTED when the caller aborts', async () => {
      receiver = await hangingReceiver();
      const hanging = receiver;
      const controller = new AbortController();
      const pending = createWebhookPoster({ timeoutMs: 10_000 })(requestTo(`${hanging.base}/`), controller.signal);
      await eventually(() => hanging.requests.length === 1);
      controller.abort();

      expect((await pending).error?.code).toBe('ABORTED');
    });
  });
});

describe('postOnce', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('posts on subscribe and emits the outcome', async () => {
    receiver = await recordingReceiver(200);
    const post$ = postOnce(createWebhookPoster(), requestTo(`${receiver.base}/`));
    expect(receiver.requests).toHaveLength(0);

    expect(await firstValueFrom(post$)).toEqual({ ok: true, status: 200 });
    expect(receiver.requests).toHaveLength(1);
  });

  it('aborts the request when unsubscribed', async () => {
    receiver = await hangingReceiver();
    const hanging = receiver;
    const subscription = postOnce(createWebhookPoster({ timeoutMs: 10_000 }), requestTo(`${hanging.base}/`)).subscribe();
    await eventually(() => hanging.requests.length === 1);
    subscription.unsubscribe();

    await eventually(() => hanging.closedSockets() === 1);
  });

  it('turns a rejecting custom poster into a failed outcome', async () => {
    const outcome = await firstValueFrom(postOnce(() => Promise.reject(new TypeError('boom')), requestTo('http://127.0.0.1:9/')));
    expect(outcome).toEqual({ ok: false, error: { code: 'POST_FAILED', message: 'TypeError' } });
  });
});
