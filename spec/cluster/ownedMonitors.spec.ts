import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type ClusterStep, type OwnershipChange, type TakenOver, ownedMonitors, perOwnership, slotOf } from '../../src/cluster/index.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import type { MonitorState } from '../../src/operators/health.js';
import { fakeResult } from '../operators/fakeResult.js';

const SLOTS = 4;
/** Names that hash into different slots, found once. */
const names: string[] = [];
for (let i = 0; names.length < 2; i++) {
  const name = `m${i}`;
  if (!names.some((other) => slotOf(other, SLOTS) === slotOf(name, SLOTS))) names.push(name);
}
const [x, y] = names;
const spec = (name: string) => ({ name, checkEvery: 1000 }) as unknown as ResolvedMonitorSpec;
const downTrack = { monitor: x, track: { state: 'down' as const, streakOk: false, streak: 3 }, since: 'T0', lastAt: 'T0' };
const summary = (step: ClusterStep) => `${step.specs.map((s) => s.name).join('+') || '∅'}|+${step.started.map((s) => `${s.monitor}${s.snapshot ? `:${s.snapshot.track.state}` : ''}`).join(',')}|-${step.stopped.join(',')}`;

describe('ownedMonitors', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('starts an acquired slot once the store has answered, with its stored health, and stops it at once when released', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const monitors = cold<readonly ResolvedMonitorSpec[]>('a', { a: [spec(x), spec(y)] });
      const changes = hot<OwnershipChange>('-g----r-', { g: { kind: 'acquired', slots: [slotOf(x, SLOTS)] }, r: { kind: 'released', slots: [slotOf(x, SLOTS)], fenced: true } });
      const read = cold<TakenOver>('--t|', { t: { tracks: [downTrack], down: [] } });
      const steps$ = ownedMonitors({ monitors$: monitors, changes$: changes, slots: SLOTS, takeOver: () => read }).pipe(map(summary));
      expectObservable(steps$).toBe('a--b--c-', { a: '∅|+|-', b: `${x}|+${x}:down|-`, c: `∅|+|-${x}` });
      expectSubscriptions(read.subscriptions).toBe('-^--!');
    });
  });

  it('drops a read that comes back after its slot was released meanwhile', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const monitors = cold<readonly ResolvedMonitorSpec[]>('a', { a: [spec(x)] });
      const changes = hot<OwnershipChange>('-gr-----', { g: { kind: 'acquired', slots: [slotOf(x, SLOTS)] }, r: { kind: 'released', slots: [slotOf(x, SLOTS)], fenced: false } });
      const read = cold<TakenOver>('---t|', { t: { tracks: [], down: [] } });
      const steps$ = ownedMonitors({ monitors$: monitors, changes$: changes, slots: SLOTS, takeOver: () => read }).pipe(map(summary));
      expectObservable(steps$).toBe('a-b-----', { a: '∅|+|-', b: '∅|+|-' });
    });
  });

  it('follows a reload within the owned slots: an added monitor starts, a removed one stops', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const both = [x, y].map((name) => slotOf(name, SLOTS));
      const monitors = hot<readonly ResolvedMonitorSpec[]>('a---b-', { a: [spec(x)], b: [spec(y)] });
      const changes = hot<OwnershipChange>('-g----', { g: { kind: 'acquired', slots: both } });
      const steps$ = ownedMonitors({ monitors$: monitors, changes$: changes, slots: SLOTS, takeOver: () => cold('t|', { t: { tracks: [], down: [] } }) }).pipe(map(summary));
      expectObservable(steps$).toBe('ab--c-', { a: '∅|+|-', b: `${x}|+${x}|-`, c: `${y}|+${y}|-${x}` });
    });
  });
});

describe('perOwnership', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  const state = (monitor: string, value: 'up' | 'down'): MonitorState => ({ monitor, state: value, since: 'T', consecutive: 1, result: fakeResult({ ok: value === 'up', monitor }) });

  it("runs the decision over a monitor's states only while it is owned here, resuming its open incident", () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const down = state(x, 'down');
      const steps = hot<ClusterStep>('-s-----t--', { s: { specs: [], started: [{ monitor: x, down }], stopped: [] }, t: { specs: [], started: [], stopped: [x] } });
      const states = hot<MonitorState>('---u-v---w', { u: state(y, 'down'), v: state(x, 'up'), w: state(x, 'down') });
      const out$ = perOwnership(steps, states, (resume) => map((value: MonitorState) => `${value.monitor}:${value.state} after ${resume.map((r) => r.state).join(',') || 'nothing'}`));
      expectObservable(out$).toBe('-----a----', { a: `${x}:up after down` });
    });
  });
});
