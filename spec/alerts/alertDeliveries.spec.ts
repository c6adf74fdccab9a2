import { TestScheduler } from 'rxjs/testing';
import { type AlertDelivery, alertDeliveries } from '../../src/alerts/alertDeliveries.js';
import type { AlertEvent } from '../../src/alerts/alertEvents.js';
import type { PostOutcome, WebhookRequest } from '../../src/alerts/webhookPoster.js';
import { fakeResult } from '../operators/fakeResult.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function eventFor(monitor: string): AlertEvent {
  const result = fakeResult({ monitor, ok: false });
  return { monitor, state: 'down', reminder: false, since: result.startedAt, result };
}

const alert = { webhook: 'https://hooks.test/T/SECRET', headers: { 'X-Token': 'hdr-secret' }, body: undefined };
const ok: PostOutcome = { ok: true, status: 200 };
const unavailable: PostOutcome = { ok: false, status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'hooks.test answered 503' } };
const a = eventFor('a');
const b = eventFor('b');
const c = eventFor('c');

describe('alertDeliveries', () => {
  it('renders the request and reports a delivery', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const events = cold(' -a---|', { a });
      const eventsSubs = '  ^----!';
      const post = cold('    --(o|)', { o: ok });
      const expected = '    ---D-|';
      const requests: WebhookRequest[] = [];
      const send = (request: WebhookRequest) => {
        requests.push(request);
        return post;
      };

      expectObservable(events.pipe(alertDeliveries({ alert, send, scheduler }))).toBe(expected, {
        D: { event: a, outcome: 'delivered', attempts: 1, status: 200 } satisfies AlertDelivery,
      });
      expectSubscriptions(events.subscriptions).toBe(eventsSubs);
      expectSubscriptions(post.subscriptions).toBe('-^-!');
      scheduler.flush();
      expect(requests).toEqual([
        {
          url: alert.webhook,
          headers: alert.headers,
          body: JSON.stringify({ text: 'a is DOWN: connect ECONNREFUSED 127.0.0.1:8080' }),
          contentType: 'application/json',
        },
      ]);
    });
  });

  it('retries with backoff, then reports the delivery with its attempts', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const events = cold('  -a-------|', { a });
      const eventsSubs = '   ^--------!';
      const failing = cold('  --(f|)', { f: unavailable });
      const working = cold('  --(o|)', { o: ok });
      const expected = '     --------D|';
      let calls = 0;
      const send = () => (++calls === 1 ? failing : working);

      expectObservable(events.pipe(alertDeliveries({ alert, send, scheduler, baseDelayMs: 3 }))).toBe(expected, {
        D: { event: a, outcome: 'delivered', attempts: 2, status: 200 },
      });
      expectSubscriptions(events.subscriptions).toBe(eventsSubs);
      expectSubscriptions(failing.subscriptions).toBe('-^-!');
      expectSubscriptions(working.subscriptions).toBe('------^-!');
    });
  });

  it('reports a failure once the retries are used up, and goes on with the next alert', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const events = cold('  -ab-------|', { a, b });
      const eventsSubs = '   ^---------!';
      const failing = cold('  --(f|)', { f: unavailable });
      const expected = '     --------F------(G|)';
      const failed = (event: AlertEvent): AlertDelivery => ({
        event,
        outcome: 'failed',
        attempts: 2,
        status: 503,
        error: unavailable.error,
      });

      expectObservable(events.pipe(alertDeliveries({ alert, send: () => failing, scheduler, maxRetries: 1, baseDelayMs: 3 }))).toBe(expected, {
        F: failed(a),
        G: failed(b),
      });
      expectSubscriptions(events.subscriptions).toBe(eventsSubs);
      expectSubscriptions(failing.subscriptions).toBe(['-^-!', '------^-!', '--------^-!', '-------------^-!']);
    });
  });

  it('times out a hanging webhook per attempt', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const events = cold(' -a------|', { a });
      const eventsSubs = '  ^-------!';
      const hanging = cold<PostOutcome>('  -------');
      const expected = '    -----T--|';

      expectObservable(events.pipe(alertDeliveries({ alert, send: () => hanging, scheduler, maxRetries: 0, timeoutMs: 4 }))).toBe(expected, {
        T: { event: a, outcome: 'failed', attempts: 1, error: { code: 'TIMEOUT', message: 'no answer within 4 ms' } },
      });
      expectSubscriptions(events.subscriptions).toBe(eventsSubs);
      expectSubscriptions(hanging.subscriptions).toBe('-^---!');
    });
  });

  it('drops the oldest waiting alert when the queue is full, at once, without waiting for the webhook', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const events = cold(' -abc-------|', { a, b, c });
      const eventsSubs = '  ^----------!';
      const post = cold('    -----(o|)', { o: ok });
      const expected = '    ---X--A----(C|)';

      expectObservable(events.pipe(alertDeliveries({ alert, send: () => post, scheduler, queueSize: 1 }))).toBe(expected, {
        X: { event: b, outcome: 'dropped', attempts: 0, error: { code: 'QUEUE_FULL', message: 'more than 1 alerts waiting' } },
        A: { event: a, outcome: 'delivered', attempts: 1, status: 200 },
        C: { event: c, outcome: 'delivered', attempts: 1, status: 200 },
      });
      expectSubscriptions(events.subscriptions).toBe(eventsSubs);
      expectSubscriptions(post.subscriptions).toBe(['-^----!', '------^----!']);
    });
  });
});
