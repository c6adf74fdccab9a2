import { TestScheduler } from 'rxjs/testing';
import { latency } from '../../src/operators/latency.js';
import { fakeResult } from './fakeResult.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('latency', () => {
  it('emits nearest-rank percentiles of durationMs on every result', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -a-b-c-|', {
        a: fakeResult({ ok: true, durationMs: 30 }),
        b: fakeResult({ ok: true, durationMs: 10 }),
        c: fakeResult({ ok: false, durationMs: 20 }),
      });
      const resultsSubs = '  ^------!';
      const expected = '     -x-y-z-|';

      expectObservable(results.pipe(latency(100, scheduler))).toBe(expected, {
        x: { monitor: 'api', p50: 30, p95: 30, p99: 30, checks: 1 },
        y: { monitor: 'api', p50: 10, p95: 30, p99: 30, checks: 2 },
        z: { monitor: 'api', p50: 20, p95: 30, p99: 30, checks: 3 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('forgets durations older than the window', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -a-b-c-|', {
        a: fakeResult({ ok: true, durationMs: 900 }),
        b: fakeResult({ ok: true, durationMs: 10 }),
        c: fakeResult({ ok: true, durationMs: 20 }),
      });
      const resultsSubs = '  ^------!';
      const expected = '     -x-y-z-|';

      expectObservable(results.pipe(latency(4, scheduler))).toBe(expected, {
        x: { monitor: 'api', p50: 900, p95: 900, p99: 900, checks: 1 },
        y: { monitor: 'api', p50: 10, p95: 900, p99: 900, checks: 2 },
        z: { monitor: 'api', p50: 10, p95: 20, p99: 20, checks: 2 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('keeps one window per monitor', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -a-b-|', {
        a: fakeResult({ monitor: 'fast', ok: true, durationMs: 5 }),
        b: fakeResult({ monitor: 'slow', ok: true, durationMs: 500 }),
      });
      const resultsSubs = '  ^----!';
      const expected = '     -x-y-|';

      expectObservable(results.pipe(latency(100, scheduler))).toBe(expected, {
        x: { monitor: 'fast', p50: 5, p95: 5, p99: 5, checks: 1 },
        y: { monitor: 'slow', p50: 500, p95: 500, p99: 500, checks: 1 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('unsubscribes from its source when its subscriber does', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const results = hot('  -a-a-a-', { a: fakeResult({ ok: true, durationMs: 7 }) });
      const resultsSubs = '  ^--!   ';
      const expected = '     -x--   ';

      expectObservable(results.pipe(latency(100, scheduler)), resultsSubs).toBe(expected, {
        x: { monitor: 'api', p50: 7, p95: 7, p99: 7, checks: 1 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it.each([0, -5])('refuses a window of %p ms', (windowMs) => {
    expect(() => latency(windowMs)).toThrow(RangeError);
  });
});
