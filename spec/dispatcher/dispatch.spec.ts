import { TestScheduler } from 'rxjs/testing';
import { dispatch } from '../../src/dispatcher/dispatch.js';
import { makeResult } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const a = makeResult({ monitor: 'a' });
const b = makeResult({ monitor: 'b' });

describe('dispatch', () => {
  it('merges every monitor into one stream', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const a$ = cold('--a----a----a-', { a });
      const b$ = cold('---b-----b----', { b });
      const stop$ = hot('--------------');
      expectObservable(dispatch([a$, b$], stop$)).toBe('--ab---a-b--a-', { a, b });
      expectSubscriptions(a$.subscriptions).toBe('^-------------');
      expectSubscriptions(b$.subscriptions).toBe('^-------------');
    });
  });

  it('completes on stop$ and unsubscribes every monitor', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const a$ = cold('--a----a----a-', { a });
      const b$ = cold('---b-----b----', { b });
      const stop$ = hot('--------s-----');
      const stopSubs = '^-------!-----';
      expectObservable(dispatch([a$, b$], stop$)).toBe('--ab---a|', { a, b });
      expectSubscriptions(a$.subscriptions).toBe('^-------!-----');
      expectSubscriptions(b$.subscriptions).toBe('^-------!-----');
      expectSubscriptions(stop$.subscriptions).toBe(stopSubs);
    });
  });

  it('keeps a failing monitor in the stream (failures are values)', () => {
    newScheduler().run(({ cold, hot, expectObservable }) => {
      const failed = makeResult({ monitor: 'a', ok: false, error: { code: 'ECONNREFUSED', message: 'refused' } });
      const a$ = cold('-f-f-f', { f: failed });
      const b$ = cold('--b--b', { b });
      expectObservable(dispatch([a$, b$], hot('------'))).toBe('-fbf-(fb)', { f: failed, b });
    });
  });
});
