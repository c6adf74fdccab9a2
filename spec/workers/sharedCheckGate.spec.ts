import { Subject, defer, firstValueFrom, of } from 'rxjs';
import { SharedCheckGate, sharedGateBuffer } from '../../src/workers/sharedCheckGate.js';

// Its one-thread contract is CheckGate's, tested for both in spec/monitor/checkGate.spec.ts.
describe('SharedCheckGate', () => {
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
