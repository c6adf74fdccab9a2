import { jest } from '@jest/globals';
import { type RunHelpers, TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import { CheckGate } from '../../src/monitor/checkGate.js';
import { HttpMonitor, monitorResults } from '../../src/monitor/monitor.js';
import { makeResult, makeSpec } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const r = makeResult();
const lagged = (ms: number): CheckResult => ({ ...r, scheduleLagMs: ms });

/**
 * Two monitors every 10 frames behind a gate of 1: a's check (3 frames) starts at 0, b's tick at 1
 * waits for it.
 */
function twoMonitorsAtOneGate(cold: RunHelpers['cold']) {
  const gate = new CheckGate(1);
  const a$ = cold('---(r|)', { r });
  const b$ = cold('-(r|)', { r });
  const a = monitorResults(makeSpec({ checkEvery: 10 }), { check: () => a$, offset: 0, gate });
  const b = monitorResults(makeSpec({ checkEvery: 10 }), { check: () => b$, offset: 1, gate });
  return { a, b, b$ };
}

describe('monitorResults', () => {
  it('maps ticks to checks at the spec rate, stamping a zero lag when on time', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const results$ = monitorResults(makeSpec({ checkEvery: 4 }), { check: () => cold('-(r|)', { r }), offset: 1 });
      expectObservable(results$, '^----------!').toBe('--x---x---x', { x: lagged(0) });
    });
  });

  it('shows the wait at the gate as schedule lag', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const { a, b, b$ } = twoMonitorsAtOneGate(cold);
      // b's tick at 1 waits until a's check ends at 3: it starts 2 late.
      expectObservable(a, '^-----!').toBe('---x--', { x: lagged(0) });
      expectObservable(b, '^-----!').toBe('----y-', { y: lagged(2) });
      expectSubscriptions(b$.subscriptions).toBe('---^!');
    });
  });

  it('sets the phase where a first check held at the gate really started', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const { a, b, b$ } = twoMonitorsAtOneGate(cold);
      // b's first tick at 1 waits until 3: its next check starts at 13 (10 after 3), not at 11, on time.
      expectObservable(a, '^---------------!').toBe('---x---------x--', { x: lagged(0) });
      expectObservable(b, '^---------------!').toBe('----y---------z-', { y: lagged(2), z: lagged(0) });
      expectSubscriptions(b$.subscriptions).toBe(['---^!', '-------------^!']);
    });
  });

  it('takes its check from the factory once per monitor', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const spec = makeSpec({ name: 'api', checkEvery: 2 });
      const factory = jest.fn(() => cold('(r|)', { r }));
      const monitor = new HttpMonitor(spec, { check: factory, offset: 0 });
      expect(monitor.name).toBe('api');
      expectObservable(monitor.results$, '^---!').toBe('x-x-', { x: lagged(0) });
      expectObservable(monitor.check$).toBe('(r|)', { r });
      expect(factory).toHaveBeenCalledWith(spec);
    });
  });
});
