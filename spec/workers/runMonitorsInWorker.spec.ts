import { jest } from '@jest/globals';
import { NEVER, Observable, Subject, finalize } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import type { Monitor } from '../../src/monitor/monitor.js';
import { runMonitorsInWorker } from '../../src/workers/runMonitorsInWorker.js';
import type { FromWorker } from '../../src/workers/workerProtocol.js';
import { makeResult, makeSpec } from '../support/specs.js';

function setUp(batchSize = 3) {
  const streams = new Map<string, Subject<CheckResult>>();
  const stopped: string[] = [];
  const posted: FromWorker[] = [];
  const runs = runMonitorsInWorker({
    monitorFactory: (spec) => {
      const subject = new Subject<CheckResult>();
      streams.set(spec.name, subject);
      return { name: spec.name, spec, check$: NEVER, results$: subject.pipe(finalize(() => stopped.push(spec.name))) } satisfies Monitor;
    },
    port: { postMessage: (message) => posted.push(message) },
    batchMs: 20,
    batchSize,
  });
  return { streams, stopped, posted, runs };
}

describe('runMonitorsInWorker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('posts results in batches: at once when a batch is full, else after batchMs; each tagged with its run', () => {
    const { streams, posted, runs } = setUp(3);
    runs.handle({ type: 'start', id: 1, spec: makeSpec({ name: 'a' }), monitorCount: 2, startedAt: Date.now() });
    runs.handle({ type: 'start', id: 2, spec: makeSpec({ name: 'b' }), monitorCount: 2, startedAt: Date.now() });
    expect(runs.running).toBe(2);

    streams.get('a')!.next(makeResult({ monitor: 'a' }));
    streams.get('b')!.next(makeResult({ monitor: 'b' }));
    expect(posted).toEqual([]);
    streams.get('a')!.next(makeResult({ monitor: 'a', status: 500 }));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'results', ids: [1, 2, 1] });
    expect((posted[0] as { results: CheckResult[] }).results.map((r) => r.monitor)).toEqual(['a', 'b', 'a']);

    streams.get('b')!.next(makeResult({ monitor: 'b' }));
    jest.advanceTimersByTime(19);
    expect(posted).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ type: 'results', ids: [2] });
  });

  it('stop unsubscribes one run; stop() ends all and posts what waits', () => {
    const { streams, stopped, posted, runs } = setUp(10);
    runs.handle({ type: 'start', id: 1, spec: makeSpec({ name: 'a' }), monitorCount: 2, startedAt: Date.now() });
    runs.handle({ type: 'start', id: 2, spec: makeSpec({ name: 'b' }), monitorCount: 2, startedAt: Date.now() });
    runs.handle({ type: 'stop', id: 1 });
    expect(stopped).toEqual(['a']);
    expect(runs.running).toBe(1);
    streams.get('b')!.next(makeResult({ monitor: 'b' }));
    runs.stop();
    expect(stopped).toEqual(['a', 'b']);
    expect(posted).toEqual([expect.objectContaining({ ids: [2] })]);
    expect(runs.running).toBe(0);
  });

  it('tells the factory how late the start message came, so the first-check offset counts from the main thread', () => {
    const lates: Array<number | undefined> = [];
    const runs = runMonitorsInWorker({
      monitorFactory: (spec, _count, lateMs) => {
        lates.push(lateMs);
        return { name: spec.name, spec, check$: NEVER, results$: NEVER };
      },
      port: { postMessage: () => undefined },
      batchMs: 20,
      batchSize: 10,
    });
    runs.handle({ type: 'start', id: 1, spec: makeSpec({ name: 'x' }), monitorCount: 1, startedAt: Date.now() - 250 });
    runs.handle({ type: 'start', id: 2, spec: makeSpec({ name: 'y' }), monitorCount: 1, startedAt: Date.now() + 5 });
    expect(lates).toEqual([250, 0]);
    runs.stop();
  });

  it('a run whose stream fails is reported, not kept', () => {
    const posted: FromWorker[] = [];
    const runs = runMonitorsInWorker({
      monitorFactory: (spec) => ({ name: spec.name, spec, check$: NEVER, results$: new Observable<CheckResult>((s) => s.error(new Error('boom'))) }),
      port: { postMessage: (message) => posted.push(message) },
      batchMs: 20,
      batchSize: 10,
    });
    runs.handle({ type: 'start', id: 7, spec: makeSpec({ name: 'x' }), monitorCount: 1, startedAt: Date.now() });
    expect(posted).toEqual([{ type: 'failed', id: 7, message: 'boom' }]);
    expect(runs.running).toBe(0);
  });
});
