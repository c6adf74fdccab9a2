import { TestScheduler } from 'rxjs/testing';
import { availability } from '../../src/operators/availability.js';
import { fakeResult } from './fakeResult.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const o = fakeResult({ ok: true });
const f = fakeResult({ ok: false });

describe('availability', () => {
  it('emits the share of ok checks of the window on every result', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -o-f-o-o-|', { o, f });
      const resultsSubs = '  ^--------!';
      const expected = '     -a-b-c-d-|';

      expectObservable(results.pipe(availability(4, scheduler))).toBe(expected, {
        a: { monitor: 'api', ratio: 1, checks: 1 },
        b: { monitor: 'api', ratio: 0.5, checks: 2 },
        c: { monitor: 'api', ratio: 0.5, checks: 2 }, // the ok at frame 1 is 4 ms old: out
        d: { monitor: 'api', ratio: 1, checks: 2 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('keeps a result until it is windowMs old', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' f--o-o|', { o, f });
      const resultsSubs = '  ^-----!';
      const expected = '     a--b-c|';

      expectObservable(results.pipe(availability(4, scheduler))).toBe(expected, {
        a: { monitor: 'api', ratio: 0, checks: 1 },
        b: { monitor: 'api', ratio: 0.5, checks: 2 }, // 3 ms old: still in
        c: { monitor: 'api', ratio: 1, checks: 2 }, // 5 ms old: out
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('keeps one window per monitor', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = fakeResult({ monitor: 'a', ok: true });
      const b = fakeResult({ monitor: 'b', ok: false });
      const results = cold(' -a-b-a-b-|', { a, b });
      const resultsSubs = '  ^--------!';
      const expected = '     -w-x-y-z-|';

      expectObservable(results.pipe(availability(100, scheduler))).toBe(expected, {
        w: { monitor: 'a', ratio: 1, checks: 1 },
        x: { monitor: 'b', ratio: 0, checks: 1 },
        y: { monitor: 'a', ratio: 1, checks: 2 },
        z: { monitor: 'b', ratio: 0, checks: 2 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('takes arrival times from the scheduler it is given, the async one by default', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      // In run mode the TestScheduler also drives asyncScheduler's clock.
      const results = cold(' o 10ms f 10ms o|', { o, f });
      const resultsSubs = '  ^ 22ms !';
      const expected = '     a 10ms b 10ms c|';

      expectObservable(results.pipe(availability(15))).toBe(expected, {
        a: { monitor: 'api', ratio: 1, checks: 1 },
        b: { monitor: 'api', ratio: 0.5, checks: 2 },
        c: { monitor: 'api', ratio: 0.5, checks: 2 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it('passes errors through', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -o-#', { o });
      const resultsSubs = '  ^--!';
      const expected = '     -a-#';

      expectObservable(results.pipe(availability(10, scheduler))).toBe(expected, {
        a: { monitor: 'api', ratio: 1, checks: 1 },
      });
      expectSubscriptions(results.subscriptions).toBe(resultsSubs);
    });
  });

  it.each([0, -1, Number.NaN])('refuses a window of %p ms', (windowMs) => {
    expect(() => availability(windowMs)).toThrow(RangeError);
  });
});
