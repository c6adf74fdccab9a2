import { NEVER, type Observable, filter, map, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type Coordinator, type LockedSlot, type Membership, ownership } from '../../src/cluster/index.js';

/** A coordinator scripted per heartbeat call; it records unlocks and resets. */
function fakeCoordinator(scheduler: TestScheduler, beat: (call: number) => Observable<Membership>, waitMs = 0) {
  let calls = 0;
  const unlocks: Array<{ at: number; slots: number[]; clean: boolean }> = [];
  const coordinator: Coordinator & { resets: number } = {
    instance: 'a',
    resets: 0,
    heartbeat: () => beat(calls++),
    lock: (slots) => of(slots.map((slot): LockedSlot => ({ slot, waitMs }))),
    unlock: (slots, clean) => {
      unlocks.push({ at: scheduler.now(), slots: [...slots], clean });
      return of(undefined);
    },
    lost$: NEVER,
    reset() {
      coordinator.resets += 1;
    },
    close: async () => undefined,
  };
  return { coordinator, unlocks };
}

const alone: Membership = { live: ['a'], holders: new Map() };
const withB: Membership = { live: ['a', 'b'], holders: new Map() };
const options = { slots: 4, heartbeatEvery: 10, fenceAfter: 30, releaseHold: 15 };

/** The ownership changes only, as short strings. */
const changes = (events$: ReturnType<typeof ownership>) =>
  events$.pipe(
    filter((event) => event.kind !== 'status'),
    map((event) => (event.kind === 'acquired' ? `+${[...event.slots].sort()}` : `-${[...event.slots].sort()}${event.fenced ? ' fenced' : ''}`)),
  );

describe('ownership', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('locks its share of the free slots on the first round and keeps them', () => {
    testScheduler.run(({ expectObservable }) => {
      const { coordinator } = fakeCoordinator(testScheduler, () => of(alone));
      expectObservable(changes(ownership({ coordinator, ...options, scheduler: testScheduler })), '^ 100ms !').toBe('a', { a: '+0,1,2,3' });
    });
  });

  describe('when a heartbeat fails', () => {
    it('stops every slot at once (fenced) and drops the connection', () => {
      testScheduler.run(({ expectObservable, flush }) => {
        const { coordinator } = fakeCoordinator(testScheduler, (call) => (call === 0 ? of(alone) : throwError(() => new Error('connection terminated'))));
        expectObservable(changes(ownership({ coordinator, ...options, scheduler: testScheduler })), '^ 50ms !').toBe('a 9ms f', { a: '+0,1,2,3', f: '-0,1,2,3 fenced' });
        flush();
        expect(coordinator.resets).toBeGreaterThanOrEqual(1);
      });
    });
  });

  describe('when heartbeats hang', () => {
    it('fences fenceAfter after the last heartbeat that succeeded was sent, while the round still waits', () => {
      testScheduler.run(({ expectObservable }) => {
        const { coordinator } = fakeCoordinator(testScheduler, (call) => (call === 0 ? of(alone) : NEVER));
        expectObservable(changes(ownership({ coordinator, ...options, scheduler: testScheduler })), '^ 50ms !').toBe('a 29ms f', { a: '+0,1,2,3', f: '-0,1,2,3 fenced' });
      });
    });
  });

  describe('when another instance joins', () => {
    it('stops its excess first and unlocks it only after the hold', () => {
      testScheduler.run(({ expectObservable, flush }) => {
        const { coordinator, unlocks } = fakeCoordinator(testScheduler, (call) => of(call === 0 ? alone : withB));
        expectObservable(changes(ownership({ coordinator, ...options, scheduler: testScheduler })), '^ 50ms !').toBe('a 9ms r', { a: '+0,1,2,3', r: '-2,3' });
        flush();
        expect(unlocks).toEqual([{ at: 30, slots: [3, 2], clean: true }]);
      });
    });
  });

  describe('when the last owner did not release its slots cleanly', () => {
    it('starts them only after the wait the coordinator gives', () => {
      testScheduler.run(({ expectObservable }) => {
        const { coordinator } = fakeCoordinator(testScheduler, () => of(alone), 25);
        expectObservable(changes(ownership({ coordinator, ...options, scheduler: testScheduler })), '^ 50ms !').toBe('26ms a', { a: '+0,1,2,3' });
      });
    });
  });
});
