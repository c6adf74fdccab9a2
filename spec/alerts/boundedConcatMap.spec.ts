import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { boundedConcatMap } from '../../src/alerts/boundedConcatMap.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const upper = (value: string) => value.toUpperCase();

describe('boundedConcatMap', () => {
  it('runs one inner at a time, in order, while the queue has room', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  -ab--------|');
      const sourceSubs = '  ^----------!';
      const inner = cold('     ---x|');
      const expected = '    ----a---b--|';

      expectObservable(source.pipe(boundedConcatMap((v) => inner.pipe(map(() => v)), 5, upper))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectSubscriptions(inner.subscriptions).toBe(['-^---!', '-----^---!']);
    });
  });

  it('drops the oldest waiting value when more than queueSize are waiting', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  -abc-------|');
      const sourceSubs = '  ^----------!';
      const inner = cold('     ---x|');
      const expected = '    ---Ba---c--|';

      expectObservable(source.pipe(boundedConcatMap((v) => inner.pipe(map(() => v)), 1, upper))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectSubscriptions(inner.subscriptions).toBe(['-^---!', '-----^---!']);
    });
  });

  it('with queueSize 0 runs what comes while idle and drops what comes while busy', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  -ab---c---|');
      const sourceSubs = '  ^---------!';
      const inner = cold('     ---x|');
      const expected = '    --B-a----c|';

      expectObservable(source.pipe(boundedConcatMap((v) => inner.pipe(map(() => v)), 0, upper))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectSubscriptions(inner.subscriptions).toBe(['-^---!', '------^---!']);
    });
  });

  it('waits for the queue to drain before completing', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold(' -ab|');
      const sourceSubs = '  ^--!';
      const inner = cold('     ---x|');
      const expected = '    ----a---b|';

      expectObservable(source.pipe(boundedConcatMap((v) => inner.pipe(map(() => v)), 5, upper))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectSubscriptions(inner.subscriptions).toBe(['-^---!', '-----^---!']);
    });
  });

  it('handles inners that complete synchronously', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold(' -abc|');
      const sourceSubs = '  ^---!';
      const expected = '    -abc|';

      expectObservable(source.pipe(boundedConcatMap((v) => [v], 0, upper))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });

  it('unsubscribes the source and the running inner when unsubscribed', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  -a------');
      const sourceSubs = '  ^---!   ';
      const inner = cold('     ------x|');
      const expected = '    -----   ';

      expectObservable(source.pipe(boundedConcatMap(() => inner, 5, upper)), sourceSubs).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectSubscriptions(inner.subscriptions).toBe('-^--!');
    });
  });

  it('passes an inner error through', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  -a-----');
      const sourceSubs = '  ^--!   ';
      const inner = cold('     --#');
      const expected = '    ---#   ';

      expectObservable(source.pipe(boundedConcatMap(() => inner, 5, upper))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectSubscriptions(inner.subscriptions).toBe('-^-!');
    });
  });
});
