import { TestScheduler } from 'rxjs/testing';
import { isRetryable, sendWithRetry } from '../../src/alerts/sendWithRetry.js';
import type { PostOutcome } from '../../src/alerts/webhookPoster.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const o: PostOutcome = { ok: true, status: 204 };
const f: PostOutcome = { ok: false, status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'hooks.test answered 503' } };
const bad: PostOutcome = { ok: false, status: 400, error: { code: 'UNEXPECTED_STATUS', message: 'hooks.test answered 400' } };

describe('sendWithRetry', () => {
  it('emits the first success with one attempt', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const attempt = cold(' --(o|)', { o });
      const attemptSubs = '  ^-!';
      const expected = '     --(r|)';

      const policy = { maxRetries: 3, baseDelayMs: 3, timeoutMs: 100, scheduler };
      expectObservable(sendWithRetry(() => attempt, policy)).toBe(expected, { r: { outcome: o, attempts: 1 } });
      expectSubscriptions(attempt.subscriptions).toBe(attemptSubs);
    });
  });

  it('backs off exponentially between retries and reports the last failure', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const attempt = cold(' --(f|)', { f });
      const expected = '     ---------------(r|)';

      const policy = { maxRetries: 2, baseDelayMs: 3, timeoutMs: 100, scheduler };
      expectObservable(sendWithRetry(() => attempt, policy)).toBe(expected, { r: { outcome: f, attempts: 3 } });
      expectSubscriptions(attempt.subscriptions).toBe([
        '                    ^-!',
        '                    -----^-!',
        '                    -------------^-!',
      ]);
    });
  });

  it('stops retrying at the first success', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold(' --(f|)', { f });
      const working = cold(' --(o|)', { o });
      let calls = 0;
      const attempt = () => (++calls < 3 ? failing : working);
      const expected = '     ---------------(r|)';

      const policy = { maxRetries: 5, baseDelayMs: 3, timeoutMs: 100, scheduler };
      expectObservable(sendWithRetry(attempt, policy)).toBe(expected, { r: { outcome: o, attempts: 3 } });
      expectSubscriptions(failing.subscriptions).toBe(['^-!', '-----^-!']);
      expectSubscriptions(working.subscriptions).toBe('-------------^-!');
    });
  });

  it('gives each attempt a deadline, unsubscribes the late attempt and retries', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const attempt = cold(' ------(o|)', { o });
      const expected = '     ----------(r|)';

      const policy = { maxRetries: 1, baseDelayMs: 2, timeoutMs: 4, scheduler };
      expectObservable(sendWithRetry(() => attempt, policy)).toBe(expected, {
        r: { outcome: { ok: false, error: { code: 'TIMEOUT', message: 'no answer within 4 ms' } }, attempts: 2 },
      });
      expectSubscriptions(attempt.subscriptions).toBe(['^---!', '------^---!']);
    });
  });

  it('does not retry a failure that a retry cannot fix', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const attempt = cold(' --(b|)', { b: bad });
      const attemptSubs = '  ^-!';
      const expected = '     --(r|)';

      const policy = { maxRetries: 5, baseDelayMs: 3, timeoutMs: 100, scheduler };
      expectObservable(sendWithRetry(() => attempt, policy)).toBe(expected, { r: { outcome: bad, attempts: 1 } });
      expectSubscriptions(attempt.subscriptions).toBe(attemptSubs);
    });
  });

  it('stops waiting and aborts the attempt when unsubscribed', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const attempt = cold(' --(f|)', { f });
      const unsubscribe = '  ^-----!';
      const expected = '     -------';

      const policy = { maxRetries: 5, baseDelayMs: 3, timeoutMs: 100, scheduler };
      expectObservable(sendWithRetry(() => attempt, policy), unsubscribe).toBe(expected);
      expectSubscriptions(attempt.subscriptions).toBe(['^-!', '-----^!']);
    });
  });
});

describe('isRetryable', () => {
  it.each([
    [{ ok: false, error: { code: 'ECONNREFUSED', message: '' } }, true],
    [{ ok: false, error: { code: 'TIMEOUT', message: '' } }, true],
    [{ ok: false, status: 500 }, true],
    [{ ok: false, status: 503 }, true],
    [{ ok: false, status: 429 }, true],
    [{ ok: false, status: 408 }, true],
    [{ ok: false, status: 400 }, false],
    [{ ok: false, status: 401 }, false],
    [{ ok: false, status: 404 }, false],
    [{ ok: false, status: 302 }, false],
  ] as Array<[PostOutcome, boolean]>)('%j → %p', (outcome, expected) => {
    expect(isRetryable(outcome)).toBe(expected);
  });
});
