import { TestScheduler } from 'rxjs/testing';
import { HEARTBEAT_FRAME, sseFrames } from '../../src/statusPage/sseFrames.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('sseFrames', () => {
  it('sends each value as a JSON data line and a heartbeat comment every period, until the values end', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = cold(' --a----b---|', { a: { monitor: 'api', ok: true }, b: 'line\nbreak' });
      const valuesSubs = '   ^----------!';
      const expected = '     --ah--hb-h-|';

      expectObservable(values.pipe(sseFrames(3, testScheduler))).toBe(expected, {
        a: 'data: {"monitor":"api","ok":true}\n\n',
        b: 'data: "line\\nbreak"\n\n',
        h: HEARTBEAT_FRAME,
      });
      expectSubscriptions(values.subscriptions).toBe(valuesSubs);
    });
  });

  it('stops the heartbeat when the values fail', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = cold(' -----#');
      const valuesSubs = '   ^----!';
      const expected = '     ---h-#';

      expectObservable(values.pipe(sseFrames(3, testScheduler))).toBe(expected, { h: HEARTBEAT_FRAME });
      expectSubscriptions(values.subscriptions).toBe(valuesSubs);
    });
  });
});
