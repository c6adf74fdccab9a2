import { TestScheduler } from 'rxjs/testing';
import { diffMonitorSpecs } from '../../src/dispatcher/diffMonitorSpecs.js';
import { makeSpec } from '../support/specs.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const x1 = makeSpec({ name: 'x' });
const y1 = makeSpec({ name: 'y' });
const y2 = makeSpec({ name: 'y', checkEvery: 1_000 });
const z1 = makeSpec({ name: 'z' });

describe('diffMonitorSpecs', () => {
  it('emits added, changed and removed monitors, and nothing for unchanged ones', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const specs$ = hot('  a---b---c---d--|', { a: [x1, y1], b: [x1, y2, z1], c: [y2], d: [y2] });
      const subs = '        ^--------------!';
      const expected = '    (XY)(Wz)(ru)---|';
      expectObservable(specs$.pipe(diffMonitorSpecs())).toBe(expected, {
        X: { name: 'x', spec: x1 },
        Y: { name: 'y', spec: y1 },
        W: { name: 'y', spec: y2 },
        z: { name: 'z', spec: z1 },
        r: { name: 'x' },
        u: { name: 'z' },
      });
      expectSubscriptions(specs$.subscriptions).toBe(subs);
    });
  });

  it('compares specs by value, so a reloaded identical config changes nothing', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const specs$ = cold('a-b|', { a: [makeSpec({ name: 'x', headers: { a: '1' } })], b: [makeSpec({ name: 'x', headers: { a: '1' } })] });
      expectObservable(specs$.pipe(diffMonitorSpecs())).toBe('X--|', { X: { name: 'x', spec: makeSpec({ name: 'x', headers: { a: '1' } }) } });
    });
  });
});
