import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import { createStatusPage } from '../../src/statusPage/createStatusPage.js';
import type { StatusEvent } from '../../src/statusPage/statusEvents.js';
import { makeResult, makeSpec } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const error = { code: 'UNEXPECTED_STATUS', message: 'status 503, expected 200-399' };
const results = {
  f: makeResult({ monitor: 'api', ok: false, status: 503, error }),
  o: makeResult({ monitor: 'api' }),
  x: makeResult({ monitor: 'unknown' }),
};

/** What a test looks at in an event: the state of `check` events, the list of `monitors` events. */
function brief(event: StatusEvent): string {
  return event.type === 'check' ? event.state : `monitors:${event.monitors.join(',')}`;
}

describe('createStatusPage', () => {
  describe('the model, in virtual time', () => {
    it('shows a monitor pending until its own thresholds decide, then down, then up', () => {
      const testScheduler = newScheduler();
      testScheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const page = createStatusPage({
          monitors: [makeSpec({ name: 'api', failureThreshold: 2, successThreshold: 2 })],
          historySize: 10,
          scheduler: testScheduler,
        });
        const results$ = hot<CheckResult>('-f-f-o-o-|', results);
        const resultsSubs = '              ^--------!';
        const expected = '                 -p-d-d-u-|';

        page.follow(results$);
        expectObservable(page.events$.pipe(map(brief))).toBe(expected, { p: 'pending', d: 'down', u: 'up' });
        expectSubscriptions(results$.subscriptions).toBe(resultsSubs);
      });
    });

    it('computes uptime over the last hour and the last day from per-minute buckets', () => {
      const testScheduler = newScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const page = createStatusPage({ monitors: [makeSpec({ name: 'api' })], historySize: 10, scheduler: testScheduler });
        // A failure at 0, then ok checks 30 min, 1 h and 24 h later (1380m is 23 h).
        const results$ = hot<CheckResult>('f 30m o 30m o 1380m o', results);
        const expected = '                 a 30m b 30m c 1380m d';

        page.follow(results$);
        expectObservable(page.events$.pipe(map((event) => (event.type === 'check' ? event.uptime : undefined)))).toBe(expected, {
          a: { lastHour: 0, lastDay: 0 },
          b: { lastHour: 0.5, lastDay: 0.5 },
          c: { lastHour: 1, lastDay: 2 / 3 },
          d: { lastHour: 1, lastDay: 1 },
        });
      });
    });

    it('restarts a changed monitor as pending on reload, drops a removed one, and announces the new list', () => {
      const testScheduler = newScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const page = createStatusPage({
          monitors: [makeSpec({ name: 'api', failureThreshold: 1 }), makeSpec({ name: 'old' })],
          historySize: 10,
          scheduler: testScheduler,
        });
        const results$ = hot<CheckResult>('-f---f-|', results);
        const expected = '                 -d-m-p-|';
        testScheduler.schedule(() => page.setMonitors([makeSpec({ name: 'api', failureThreshold: 2 }), makeSpec({ name: 'new' })]), 3);

        page.follow(results$);
        expectObservable(page.events$.pipe(map(brief))).toBe(expected, { d: 'down', m: 'monitors:api,new', p: 'pending' });
      });
    });

    it('ignores results of monitors it was not given', () => {
      const testScheduler = newScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const page = createStatusPage({ monitors: [makeSpec({ name: 'api', successThreshold: 1 })], historySize: 10, scheduler: testScheduler });
        const results$ = hot<CheckResult>('-x-o-|', results);
        const expected = '                 ---u-|';

        page.follow(results$);
        expectObservable(page.events$.pipe(map(brief))).toBe(expected, { u: 'up' });
      });
    });

    it('keeps a bounded history, and the last status, latency, error and certificate', () => {
      const testScheduler = newScheduler();
      testScheduler.run(({ hot, flush }) => {
        const page = createStatusPage({ monitors: [makeSpec({ name: 'api', url: 'https://u:secret@example.com/' })], historySize: 3, scheduler: testScheduler });
        const certified = makeResult({ monitor: 'api', certExpiresInDays: 12.5, durationMs: 7 });
        page.follow(hot<CheckResult>('-o-o-o-c-f-|', { ...results, c: certified }));
        flush();

        const [view] = page.views();
        expect(view.history.map((sample) => sample.ok)).toEqual([true, true, false]);
        expect(view).toMatchObject({
          url: 'https://u:***@example.com/',
          lastCheck: { ok: false, status: 503 },
          lastError: error,
          certExpiresInDays: 12.5,
        });
      });
    });

    it('sends a complete check event: figures, uptime, and the rendered card and summary', () => {
      const testScheduler = newScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const page = createStatusPage({ monitors: [makeSpec({ name: 'api', failureThreshold: 1 })], historySize: 10, scheduler: testScheduler });
        page.follow(hot<CheckResult>('-f-|', results));
        expectObservable(page.events$).toBe('-e-|', {
          e: expect.objectContaining({
            type: 'check',
            monitor: 'api',
            state: 'down',
            ok: false,
            status: 503,
            latencyMs: 1,
            error,
            uptime: { lastHour: 0, lastDay: 0 },
            checkedAt: results.f.startedAt,
            cardHtml: expect.stringMatching(/^<article class="monitor" data-monitor="api" data-state="down">.*class="spark-fail"/),
            summaryHtml: expect.stringContaining('1 of 1 monitor down'),
            title: '(1 down) rxmon status',
          }),
        });
      });
    });
  });

  it('refuses to follow two streams', () => {
    const page = createStatusPage({ monitors: [], historySize: 10 });
    page.follow(hot$());
    expect(() => page.follow(hot$())).toThrow(/already/);
    page.stop();
  });
});

function hot$() {
  return new TestScheduler(() => undefined).createHotObservable<CheckResult>('-');
}
