import { TestScheduler } from 'rxjs/testing';
import type { Ping } from '../../src/heartbeat/ping.js';
import { timedPings } from '../../src/heartbeat/timedPings.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const s: Ping = { kind: 'start', method: 'GET' };
const o: Ping = { kind: 'success', method: 'POST' };
const f: Ping = { kind: 'fail', method: 'GET' };

describe('timedPings', () => {
  it('stamps each end with its time and the duration since its /start; a start emits nothing', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const pings = hot('  -s--o---o--s-f-|', { s, o, f });
      const pingsSubs = '  ^--------------!';
      const expected = '   ----a---b----c-|';
      expectObservable(pings.pipe(timedPings(scheduler))).toBe(expected, {
        a: { ping: o, atMs: 4, durationMs: 3 },
        b: { ping: o, atMs: 8, durationMs: 0 },
        c: { ping: f, atMs: 13, durationMs: 2 },
      });
      expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
    });
  });

  it('restarts the clock on a second /start', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const pings = hot('  -s---s--o-', { s, o });
      const pingsSubs = '  ^---------!';
      const expected = '   --------a-';
      expectObservable(pings.pipe(timedPings(scheduler)), pingsSubs).toBe(expected, { a: { ping: o, atMs: 8, durationMs: 3 } });
      expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
    });
  });
});
