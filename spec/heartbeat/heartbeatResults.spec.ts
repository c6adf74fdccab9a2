import { filter, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { heartbeatResults } from '../../src/heartbeat/heartbeatResults.js';
import type { Ping } from '../../src/heartbeat/ping.js';
import { healthSteps } from '../../src/operators/healthSteps.js';
import { failedAt, heartbeatSpec, missedAt, okAt } from './fixtures.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const s: Ping = { kind: 'start', method: 'GET' };
const o: Ping = { kind: 'success', method: 'GET' };
const f: Ping = { kind: 'fail', method: 'GET' };
// expect_every 4 frames, grace 2: a deadline 6 frames after each ping, then a miss every 4.
const spec = heartbeatSpec(4, 2);

describe('heartbeatResults', () => {
  describe('when the job pings, misses, fails and pings again', () => {
    it('emits a result per ping and per missed deadline, each ping resetting the deadline', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const pings = hot('  ---o--------f----o----', { o, f });
        const pingsSubs = '  ^---------------------!';
        const expected = '   ---O-----M--F----P----';
        expectObservable(heartbeatResults(spec, pings, { scheduler }), pingsSubs).toBe(expected, {
          O: okAt(3),
          M: missedAt(9, 4, 2),
          F: failedAt(12),
          P: okAt(17),
        });
        // One subscription to the pings, however many parts of the stream read them.
        expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
      });
    });

    it('keeps missing every expect_every while the job stays silent', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const pings = hot('  -o---------------', { o });
        const pingsSubs = '  ^----------------!';
        const expected = '   -O-----a---b---c-';
        expectObservable(heartbeatResults(spec, pings, { scheduler }), pingsSubs).toBe(expected, {
          O: okAt(1),
          a: missedAt(7, 4, 2),
          b: missedAt(11, 4, 2),
          c: missedAt(15, 4, 2),
        });
        expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
      });
    });

    it('carries the job duration from its /start, on success and on fail', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const pings = hot('  s--o-s-f-', { s, o, f });
        const pingsSubs = '  ^--------!';
        const expected = '   ---a---b-';
        expectObservable(heartbeatResults(spec, pings, { scheduler }), pingsSubs).toBe(expected, { a: okAt(3, 3), b: failedAt(7, 2) });
        expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
      });
    });
  });

  describe('at start-up', () => {
    it.each([
      { name: 'counts the first deadline from the start without a stored result', last: undefined, expected: '------a---', misses: { a: 6 } },
      { name: 'counts it from the last stored result', last: -4, expected: '--a---b---', misses: { a: 2, b: 6 } },
      { name: 'misses at once when the deadline passed while rxmon was away', last: -100, expected: 'a---b---c-', misses: { a: 0, b: 4, c: 8 } },
    ])('$name', ({ last, expected, misses }) => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const pings = hot<Ping>('  ----------');
        const pingsSubs = '        ^---------!';
        const values = Object.fromEntries(Object.entries(misses).map(([key, ms]) => [key, missedAt(ms, 4, 2)]));
        expectObservable(heartbeatResults(spec, pings, { scheduler, lastResultAt: () => last }), pingsSubs).toBe(expected, values);
        expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
      });
    });
  });

  describe('through healthSteps with the heartbeat thresholds (1 and 1)', () => {
    it('is up on a ping, down at the missed deadline, down at once on /fail, up again on the next ping', () => {
      const scheduler = newScheduler();
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const pings = hot('  -o---------o--f--o---', { o, f });
        const pingsSubs = '  ^--------------------!';
        const expected = '   -u-----d---u--d--u---';
        const states$ = heartbeatResults(spec, pings, { scheduler }).pipe(
          healthSteps({ defaults: spec }),
          map((update) => update.change?.state),
          filter((state) => state !== undefined),
        );
        expectObservable(states$, pingsSubs).toBe(expected, { u: 'up', d: 'down' });
        expectSubscriptions(pings.subscriptions).toBe(pingsSubs);
      });
    });
  });
});
