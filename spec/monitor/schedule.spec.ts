import { type Observable, switchMap, tap, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { schedule } from '../../src/monitor/schedule.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const ok = { ok: true };
const fail = { ok: false };

describe('schedule', () => {
  describe('without retryEvery', () => {
    it('checks at a fixed rate after the first-check offset', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        const check = cold('(r|)', { r: ok });
        const results$ = schedule(() => check, { offset: 1, checkEvery: 3 });
        expectObservable(results$, '^---------!').toBe('-r--r--r--', { r: ok });
      });
    });

    it('measures the rate start to start, whatever a check takes', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const check = cold('-(r|)', { r: ok });
        const results$ = schedule(() => check, { offset: 0, checkEvery: 3 });
        expectObservable(results$, '^--------!').toBe('-r--r--r-', { r: ok });
        expectSubscriptions(check.subscriptions).toBe(['^!', '---^!', '------^!']);
      });
    });

    it('never overlaps checks: a tick during a check is dropped, not queued', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        // A check takes 4 frames; ticks come every 3: the ticks at 3 and 9 fall during a check.
        const check = cold('----(r|)', { r: ok });
        const results$ = schedule(() => check, { offset: 0, checkEvery: 3 });
        expectObservable(results$, '^----------------!').toBe('----r-----r-----r', { r: ok });
        expectSubscriptions(check.subscriptions).toBe([
          '^---!',
          '------^---!',
          '------------^---!',
        ]);
      });
    });

    it('passes the planned start of each tick to the check', () => {
      const planned: number[] = [];
      newScheduler().run(({ cold, expectObservable }) => {
        const results$ = schedule(
          (at) => {
            planned.push(at);
            return cold('(r|)', { r: ok });
          },
          { offset: 2, checkEvery: 4 },
        );
        expectObservable(results$, '^---------!').toBe('--r---r---', { r: ok });
      });
      expect(planned).toEqual([2, 6]);
    });

    it('takes the phase from where the first check really started, when it waited', () => {
      const planned: number[] = [];
      const testScheduler = newScheduler();
      testScheduler.run(({ cold, expectObservable }) => {
        // The first check waits 2 frames before it starts (as at a check gate) and says so at 3:
        // the next tick comes a period (4) after that start, at 7, not at 5.
        const results$ = schedule(
          (at, _missed, started) => {
            planned.push(at);
            if (started === undefined) return cold('(r|)', { r: ok });
            return timer(2).pipe(
              tap(() => started(testScheduler.now())),
              switchMap(() => cold('(s|)', { s: ok })),
            );
          },
          { offset: 1, checkEvery: 4 },
        );
        expectObservable(results$, '^----------!').toBe('---s---r---', { s: ok, r: ok });
      });
      expect(planned).toEqual([1, 7]);
    });

    it('keeps the planned phase when the first check started at its tick', () => {
      const starts: Array<number | undefined> = [];
      newScheduler().run(({ cold, expectObservable }) => {
        const results$ = schedule(
          (_at, _missed, started) => {
            starts.push(started === undefined ? undefined : 1);
            started?.(1);
            return cold('(r|)', { r: ok });
          },
          { offset: 1, checkEvery: 4 },
        );
        expectObservable(results$, '^---------!').toBe('-r---r---r', { r: ok });
      });
      // Only the first check is asked for its start.
      expect(starts).toEqual([1, undefined, undefined]);
    });

    it('keeps going after failed checks (errors are values)', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        const results$ = schedule(() => cold('(f|)', { f: fail }), { offset: 0, checkEvery: 2 });
        expectObservable(results$, '^-----!').toBe('f-f-f-', { f: fail });
      });
    });

    it('stops the schedule and the in-flight check when unsubscribed', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const check = cold('-----(r|)', { r: ok });
        const results$ = schedule(() => check, { offset: 1, checkEvery: 10 });
        expectObservable(results$, '^--!').toBe('----');
        expectSubscriptions(check.subscriptions).toBe(['-^-!']);
      });
    });
  });

  describe('with retryEvery', () => {
    function scripted(cold: (marbles: string, values: Record<string, { ok: boolean }>) => Observable<{ ok: boolean }>, outcomes: string) {
      let i = 0;
      return () => cold(`(${outcomes[i++]}|)`, { f: fail, o: ok });
    }

    it('checks at retryEvery while failing and goes back to checkEvery when ok', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        const results$ = schedule(scripted(cold, 'ffoo'), { offset: 0, checkEvery: 10, retryEvery: 3 });
        expectObservable(results$, '^-----------------------!').toBe('f--f--o---------o-------', { f: fail, o: ok });
      });
    });

    it('switches to retryEvery measured from the start of the failed check', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        const results$ = schedule(scripted(cold, 'ofoo'), { offset: 1, checkEvery: 6, retryEvery: 2 });
        // ok at 1; fail at 7; retry at 9 (ok); back to 6 s: 15.
        expectObservable(results$, '^---------------!').toBe('-o-----f-o-----o', { f: fail, o: ok });
      });
    });

    it('behaves as the fixed rate while every check is ok', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        const results$ = schedule(scripted(cold, 'oooo'), { offset: 1, checkEvery: 3, retryEvery: 1 });
        expectObservable(results$, '^---------!').toBe('-o--o--o--', { o: ok });
      });
    });
  });
});
