import { type HealthTrack, nextHealth } from '../../src/operators/healthTransition.js';

const thresholds = { failureThreshold: 3, successThreshold: 2 };

/** Runs outcomes ("o" ok, "f" failed) through the state machine; returns the changes as a string. */
function changes(outcomes: string, t = thresholds): string {
  let track: HealthTrack | undefined;
  let out = '';
  for (const outcome of outcomes) {
    const step = nextHealth(track, outcome === 'o', t);
    track = step.track;
    out += step.changedTo === 'down' ? 'D' : step.changedTo === 'up' ? 'U' : '.';
  }
  return out;
}

describe('nextHealth', () => {
  it.each([
    ['fff', '..D'],
    ['oo', '.U'],
    ['ffoo', '...U'],
    ['fffff', '..D..'],
    ['fffoofff', '..D.U..D'],
    ['ooffoff', '.U.....'],
    ['fofofo', '......'],
  ])('with thresholds 3/2, %s gives %s', (outcomes, expected) => {
    expect(changes(outcomes)).toBe(expected);
  });

  it.each([
    [{ failureThreshold: 1, successThreshold: 1 }, 'fofo', 'DUDU'],
    [{ failureThreshold: 0, successThreshold: -2 }, 'fofo', 'DUDU'],
    [{ failureThreshold: 2, successThreshold: 3 }, 'ffoofooo', '.D.....U'],
  ])('with thresholds %o, %s gives %s', (t, outcomes, expected) => {
    expect(changes(outcomes, t)).toBe(expected);
  });

  it('counts the streak of the current outcome', () => {
    let track: HealthTrack | undefined;
    for (const ok of [true, false, false, false, false]) track = nextHealth(track, ok, thresholds).track;
    expect(track).toEqual({ state: 'down', streakOk: false, streak: 4 });
  });
});
