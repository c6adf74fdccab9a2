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

describe('Dispatcher', () => {
  it('logs Starting up, then Shutting down and Shutdown finished successfully, in order', () => {
    const { logger, records } = memoryLogger();
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const r = makeResult();
      const results$ = cold('-r-r-r-r', { r });
      const monitor: Monitor = { name: 'test', spec: makeSpec(), results$, check$: cold('(r|)', { r }) };
      const dispatcher = new Dispatcher([monitor], logger);
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
    const dispatcher = new Dispatcher(monitors, logger);
    const done = lastValueFrom(dispatcher.runOnce(new Subject()).pipe(toArray()));
    for (const monitor of monitors) {
      const check$ = monitor.check$ as Subject<ReturnType<typeof makeResult>>;
      check$.next(makeResult({ monitor: monitor.name }));
      check$.complete();
    }
    expect((await done).map((result) => result.monitor)).toEqual(['a', 'b', 'c']);
  });
});
