// A marble test of your own pipeline built from rxmon's operators, in virtual time.
// Run: node --test pipeline.test.mjs   (the same TestScheduler code works in jest or vitest)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filter, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { alertEvents, availability, health } from 'rxmon';

/** Our pipeline: one line when a monitor goes down (2 failures in a row) and one when it is back. */
const incidentLines = () => (results$) =>
  results$.pipe(
    health({ failureThreshold: 2, successThreshold: 1 }),
    alertEvents({ sendOnResolved: true }),
    map(({ monitor, state, result }) => `${monitor} ${state}${result.error ? `: ${result.error.code}` : ''}`),
  );

/** Our pipeline: a line for every check while availability over `windowMs` is below `slo`. */
const belowSlo = (slo, windowMs) => (results$) =>
  results$.pipe(
    availability(windowMs),
    filter(({ ratio }) => ratio < slo),
    map(({ monitor, ratio, checks }) => `${monitor} ${(ratio * 100).toFixed(0)}% of ${checks}`),
  );

const result = (ok) => ({
  monitor: 'api',
  method: 'GET',
  url: 'https://api.example/health',
  startedAt: '2024-01-01T00:00:00.000Z',
  ok,
  bytes: 0,
  durationMs: 12,
  ...(ok ? { status: 200 } : { error: { code: 'ECONNREFUSED', message: 'connection refused' } }),
});
const values = { o: result(true), f: result(false) };

// A fresh TestScheduler per test; it compares with your framework's deep equality.
const testScheduler = () => new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));

describe('incidentLines', () => {
  it('reports down after two failures in a row, and up again after one success', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -o-f-f-f-o-|', values);
      const subs = '         ^----------!';
      const expected = '     -----d---u-|';
      expectObservable(results.pipe(incidentLines())).toBe(expected, { d: 'api down: ECONNREFUSED', u: 'api up' });
      expectSubscriptions(results.subscriptions).toBe(subs);
    });
  });

  it('says nothing about a single failure', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const results = cold(' -o-f-o-f-o-|', values);
      const subs = '         ^----------!';
      const expected = '     -----------|';
      expectObservable(results.pipe(incidentLines())).toBe(expected);
      expectSubscriptions(results.subscriptions).toBe(subs);
    });
  });
});

describe('belowSlo', () => {
  it('forgets checks older than the window (virtual time: one frame is 1 ms)', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const results = hot(' -f-o-f-------------o-|', values);
      const subs = '        ^--------------------!';
      const expected = '    -a-b-c---------------|';
      const lines = { a: 'api 0% of 1', b: 'api 50% of 2', c: 'api 33% of 3' };
      expectObservable(results.pipe(belowSlo(0.9, 10))).toBe(expected, lines);
      expectSubscriptions(results.subscriptions).toBe(subs);
    });
  });
});
