import 'reflect-metadata';
import { Subject, lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { Dispatcher } from '../../src/dispatcher/dispatcher.js';
import type { Monitor } from '../../src/monitor/monitor.js';
import { memoryLogger } from '../support/memoryLogger.js';
import { makeResult, makeSpec } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const unexpectedFactory = () => {
  throw new Error('no monitor should be made here');
};

describe('Dispatcher', () => {
  it('logs Starting up, then Shutting down and Shutdown finished successfully, in order', () => {
    const { logger, records } = memoryLogger();
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const r = makeResult();
      const results$ = cold('-r-r-r-r', { r });
      const monitor: Monitor = { name: 'test', spec: makeSpec(), results$, check$: cold('(r|)', { r }) };
      const dispatcher = new Dispatcher([monitor], logger, unexpectedFactory);
      expectObservable(dispatcher.run(hot('----s'))).toBe('-r-r|', { r });
      expectSubscriptions(results$.subscriptions).toBe('^---!');
    });
    expect(records().map((record) => record.msg)).toEqual(['Starting up', 'Shutting down', 'Shutdown finished successfully']);
  });

  it('runs every monitor once with runOnce', async () => {
    const { logger } = memoryLogger();
    const monitors: Monitor[] = ['a', 'b', 'c'].map((name) => {
      const r = makeResult({ monitor: name });
      return { name, spec: makeSpec({ name }), results$: new Subject(), check$: new Subject<typeof r>() };
    });
    const dispatcher = new Dispatcher(monitors, logger, unexpectedFactory);
    const done = lastValueFrom(dispatcher.runOnce(new Subject()).pipe(toArray()));
    for (const monitor of monitors) {
      const check$ = monitor.check$ as Subject<ReturnType<typeof makeResult>>;
      check$.next(makeResult({ monitor: monitor.name }));
      check$.complete();
    }
    expect((await done).map((result) => result.monitor)).toEqual(['a', 'b', 'c']);
  });

  it('on reload keeps unchanged monitors, starts added ones and stops removed ones', () => {
    const { logger, records } = memoryLogger();
    const made: string[] = [];
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const ra = makeResult({ monitor: 'a' });
      const rb = makeResult({ monitor: 'b' });
      const rc = makeResult({ monitor: 'c' });
      const specA = makeSpec({ name: 'a' });
      const specB = makeSpec({ name: 'b' });
      const specC = makeSpec({ name: 'c' });
      const a$ = cold('-a-a-a-a-a-a', { a: ra });
      const b$ = cold('--b--b--b--b', { b: rb });
      const c$ = cold('--c---c', { c: rc });
      const monitors: Monitor[] = [
        { name: 'a', spec: specA, results$: a$, check$: a$ },
        { name: 'b', spec: specB, results$: b$, check$: b$ },
      ];
      const factory = (spec: typeof specA) => {
        made.push(spec.name);
        return { name: spec.name, spec, results$: c$, check$: c$ };
      };
      // The reload keeps a (an equal spec, a new object), drops b, adds c.
      const reloads$ = hot('----r------', { r: [makeSpec({ name: 'a' }), specC] });
      const dispatcher = new Dispatcher(monitors, logger, factory);
      expectObservable(dispatcher.run(hot('----------s'), reloads$)).toBe('-aba-aca-a|', { a: ra, b: rb, c: rc });
      expectSubscriptions(a$.subscriptions).toBe('^---------!');
      expectSubscriptions(b$.subscriptions).toBe('^---!');
      expectSubscriptions(c$.subscriptions).toBe('----^-----!');
    });
    expect(made).toEqual(['c']);
    expect(records().map((record) => record.msg)).toEqual([
      'Starting up',
      'monitor b removed',
      'monitor c added or changed',
      'Shutting down',
      'Shutdown finished successfully',
    ]);
  });
});
