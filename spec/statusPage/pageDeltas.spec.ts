import { TestScheduler } from 'rxjs/testing';
import { LiveMonitors } from '../../src/live/liveMonitors.js';
import { deltaFrame, deltaFrames, pageDelta } from '../../src/statusPage/pageDeltas.js';
import { makeResult, makeSpec } from '../support/specs.js';

const live = new LiveMonitors([makeSpec({ name: 'api' }), makeSpec({ name: 'web' })]);
const api = live.get('api')!;
const web = live.get('web')!;
api.state = 'down';
api.last = makeResult({ monitor: 'api', ok: false, status: 503, durationMs: 12.6, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } });
web.state = 'up';
web.last = makeResult({ monitor: 'web', durationMs: 3 });

describe('pageDelta', () => {
  it.each([
    ['a failed check', api, 0.99987, { i: 0, s: 'down', st: 503, l: 13, u: 0.9998, e: 'UNEXPECTED_STATUS' }],
    ['an ok check, uptime unknown', web, undefined, { i: 0, s: 'up', st: 200, l: 3 }],
  ])('is the figures only, for %s', (_what, monitor, uptime, expected) => {
    expect(pageDelta(0, monitor, uptime)).toEqual(expected);
  });
});

describe('deltaFrames', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('sends one frame per window with one delta per changed monitor, nothing for an empty window', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const changes = cold(' -a-w-a-------w-|', { a: api, w: web });
      const subs = '        ^--------------!';
      const expected = '    -----x----y----(z|)';
      const indexOf = (name: string) => ({ api: 0, web: 1 })[name];
      const frames$ = changes.pipe(deltaFrames({ indexOf, uptimeOf: () => undefined, windowMs: 5 }));
      expectObservable(frames$).toBe(expected, {
        x: deltaFrame([pageDelta(0, api, undefined), pageDelta(1, web, undefined)], 5),
        y: deltaFrame([pageDelta(0, api, undefined)], 10),
        z: deltaFrame([pageDelta(1, web, undefined)], 15),
      });
      expectSubscriptions(changes.subscriptions).toBe(subs);
    });
  });
});
