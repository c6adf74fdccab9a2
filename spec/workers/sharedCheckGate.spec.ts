import { Subject, defer, firstValueFrom, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { SharedCheckGate, sharedGateBuffer } from '../../src/workers/sharedCheckGate.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('SharedCheckGate', () => {
  it('within one thread, keeps CheckGate’s contract: beyond the bound checks wait, first come first served', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const gate = new SharedCheckGate(sharedGateBuffer(), 2);
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

  it('releases the slot when a running check is unsubscribed, and a waiter that leaves gives up its place', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const gate = new SharedCheckGate(sharedGateBuffer(), 1);
      const a$ = cold('-----(a|)');
      const b$ = cold('-(b|)');
      const c$ = cold('-(c|)');
      expectObservable(gate.limit(a$), '^-!').toBe('---');
      expectObservable(gate.limit(b$), '^!').toBe('--');
      expectObservable(gate.limit(c$)).toBe('---(c|)');
      expectSubscriptions(a$.subscriptions).toBe('^-!');
      expectSubscriptions(b$.subscriptions).toBe([]);
      expectSubscriptions(c$.subscriptions).toBe('--^!');
    });
  });

  it('counts in shared memory: a gate of another thread (same buffer) waits until this one releases', async () => {
    const buffer = sharedGateBuffer();
    const here = new SharedCheckGate(buffer, 1);
    const there = new SharedCheckGate(buffer, 1);
    const running = new Subject<string>();
    const first = here.limit(running).subscribe();
    expect(here.inFlight).toBe(1);

    let started = false;
    const second = firstValueFrom(
      there.limit(
        defer(() => {
          started = true;
          return of('second');
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    expect(there.queued).toBe(1);
    expect(there.inFlight).toBe(1);

    running.complete();
    await expect(second).resolves.toBe('second');
    expect(started).toBe(true);
    expect(here.inFlight).toBe(0);
    first.unsubscribe();
  });
});
