import { TestScheduler } from 'rxjs/testing';
import type { Observable } from 'rxjs';
import type { CheckResult } from '../../src/check/checkResult.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { runMonitors } from '../../src/dispatcher/runMonitors.js';
import { makeResult, makeSpec } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const a = makeSpec({ name: 'a' });
const a2 = makeSpec({ name: 'a', checkEvery: 1 });
const b = makeSpec({ name: 'b' });
const ra = makeResult({ monitor: 'a' });
const rA = makeResult({ monitor: 'a', durationMs: 2 });
const rb = makeResult({ monitor: 'b' });

describe('runMonitors', () => {
  it('starts added monitors, switches changed ones and stops removed ones', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const streams = new Map<ResolvedMonitorSpec, Observable<CheckResult>>([
        [a, cold('-x---x---x', { x: ra })],
        [a2, cold('-y---y---y', { y: rA })],
        [b, cold('--z----z----z', { z: rb })],
      ]);
      const changes$ = hot('ab----A---r---', { a: { name: 'a', spec: a }, b: { name: 'b', spec: b }, A: { name: 'a', spec: a2 }, r: { name: 'b' } });
      const results$ = changes$.pipe(runMonitors((spec) => streams.get(spec)!));
      expectObservable(results$, '^-------------!').toBe('-x-z-x-yz--y--', { x: ra, y: rA, z: rb });
      expectSubscriptions((streams.get(a) as any).subscriptions).toBe('^-----!');
      expectSubscriptions((streams.get(a2) as any).subscriptions).toBe('------^-------!');
      expectSubscriptions((streams.get(b) as any).subscriptions).toBe('-^--------!');
    });
  });

  it('completes when the changes have completed and every lane has ended, and fails with a lane', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const streams = new Map<ResolvedMonitorSpec, Observable<CheckResult>>([
        [a, cold('-x--|', { x: ra })],
        [b, cold('-z|', { z: rb })],
      ]);
      const changes$ = hot('ab|', { a: { name: 'a', spec: a }, b: { name: 'b', spec: b } });
      expectObservable(changes$.pipe(runMonitors((spec) => streams.get(spec)!))).toBe('-xz-|', { x: ra, z: rb });
    });
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const failing = cold<CheckResult>('--#', undefined, new Error('boom'));
      const changes$ = hot('a--', { a: { name: 'a', spec: a } });
      expectObservable(changes$.pipe(runMonitors(() => failing))).toBe('--#', {}, new Error('boom'));
    });
  });
});
