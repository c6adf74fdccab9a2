import { NEVER } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { CheckGate } from '../../src/monitor/checkGate.js';
import { SharedCheckGate, sharedGateBuffer } from '../../src/workers/sharedCheckGate.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

// One contract, two counters: this thread's, and shared memory's (the gate of worker threads).
describe.each([
  ['CheckGate', (max: number) => new CheckGate(max)],
  ['SharedCheckGate', (max: number) => new SharedCheckGate(sharedGateBuffer(), max)],
])('%s', (_name, newGate) => {
  it('lets checks beyond the bound wait their turn, first come first served', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const gate = newGate(2);
      const a$ = cold('---(a|)');
      const b$ = cold('-----(b|)');
      const c$ = cold('--(c|)');
      const d$ = cold('-(d|)');
      expectObservable(gate.limit(a$)).toBe('---(a|)');
      expectObservable(gate.limit(b$)).toBe('-----(b|)');
      expectObservable(gate.limit(c$)).toBe('-----(c|)');
      expectObservable(gate.limit(d$)).toBe('------(d|)');
      expectSubscriptions(a$.subscriptions).toBe('^--!');
      expectSubscriptions(b$.subscriptions).toBe('^----!');
      expectSubscriptions(c$.subscriptions).toBe('---^-!');
      expectSubscriptions(d$.subscriptions).toBe('-----^!');
    });
  });

  it('releases the slot when a running check is unsubscribed', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const gate = newGate(1);
      const a$ = cold('-----(a|)');
      const b$ = cold('-(b|)');
      expectObservable(gate.limit(a$), '^-!').toBe('---');
      expectObservable(gate.limit(b$)).toBe('---(b|)');
      expectSubscriptions(a$.subscriptions).toBe('^-!');
      expectSubscriptions(b$.subscriptions).toBe('--^!');
    });
  });

  it('drops a waiting check from the queue when it is unsubscribed', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const gate = newGate(1);
      const a$ = cold('---(a|)');
      const b$ = cold('-(b|)');
      const c$ = cold('-(c|)');
      expectObservable(gate.limit(a$)).toBe('---(a|)');
      expectObservable(gate.limit(b$), '^-!').toBe('---');
      expectObservable(gate.limit(c$)).toBe('----(c|)');
      expectSubscriptions(b$.subscriptions).toBe([]);
      expectSubscriptions(c$.subscriptions).toBe('---^!');
    });
  });

  it('releases the slot when a check errors', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const gate = newGate(1);
      expectObservable(gate.limit(cold('-#'))).toBe('-#');
      expectObservable(gate.limit(cold('-(b|)'))).toBe('--(b|)');
    });
  });

  it('counts checks in flight and waiting', () => {
    const gate = newGate(1);
    const a = gate.limit(NEVER).subscribe();
    const b = gate.limit(NEVER).subscribe();
    expect([gate.inFlight, gate.queued]).toEqual([1, 1]);
    a.unsubscribe();
    expect([gate.inFlight, gate.queued]).toEqual([1, 0]);
    b.unsubscribe();
    expect([gate.inFlight, gate.queued]).toEqual([0, 0]);
  });
});
