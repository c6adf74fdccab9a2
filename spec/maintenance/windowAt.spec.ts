import { nextStartAfter, occurrenceAt } from '../../src/maintenance/windowAt.js';
import { maintenanceAt } from '../../src/maintenance/maintenanceAt.js';
import { HOUR, MIN, once, recurring } from './windows.js';

const ms = (iso: string) => Date.parse(iso);
const span = (start: string, end: string) => ({ startMs: ms(start), endMs: ms(end) });

describe('occurrenceAt', () => {
  describe('a window that crosses midnight (23:00 + 2 h, Europe/Berlin)', () => {
    const nightly = recurring('0 23 * * *', 2 * HOUR);

    it.each([
      ['before it, at 22:59 local', '2026-03-10T21:59:00Z', undefined],
      ['at its start, 23:00 local', '2026-03-10T22:00:00Z', span('2026-03-10T22:00:00Z', '2026-03-11T00:00:00Z')],
      ['after midnight, 00:30 local the next day', '2026-03-10T23:30:00Z', span('2026-03-10T22:00:00Z', '2026-03-11T00:00:00Z')],
      ['at its end, 01:00 local (exclusive)', '2026-03-11T00:00:00Z', undefined],
    ])('%s', (_name, at, expected) => {
      expect(occurrenceAt(nightly, ms(at))).toEqual(expected);
    });
  });

  describe('on the spring-forward night (Europe/Berlin, 2026-03-29: 02:00 CET → 03:00 CEST)', () => {
    it.each([
      ['23:00 + 2 h on the 28th (CET) ends at 01:00 CET', recurring('0 23 * * *', 2 * HOUR), '2026-03-28T23:59:00Z', span('2026-03-28T22:00:00Z', '2026-03-29T00:00:00Z')],
      ['23:00 on the 29th is CEST: 21:00Z', recurring('0 23 * * *', 2 * HOUR), '2026-03-29T21:00:00Z', span('2026-03-29T21:00:00Z', '2026-03-29T23:00:00Z')],
      ['01:00 + 2 h lasts 2 h of elapsed time (to 04:00 CEST)', recurring('0 1 * * *', 2 * HOUR), '2026-03-29T01:59:00Z', span('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')],
      ['02:30 does not exist: it starts at 03:00 CEST', recurring('30 2 * * *', HOUR), '2026-03-29T01:00:00Z', span('2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z')],
      ['02:30 does not exist: nothing at 00:59Z', recurring('30 2 * * *', HOUR), '2026-03-29T00:59:00Z', undefined],
    ])('%s', (_name, window, at, expected) => {
      expect(occurrenceAt(window, ms(at))).toEqual(expected);
    });
  });

  describe('on the fall-back night (Europe/Berlin, 2026-10-25: 03:00 CEST → 02:00 CET)', () => {
    it.each([
      ['02:30 + 1 h starts at the first 02:30 (CEST, 00:30Z)', recurring('30 2 * * *', HOUR), '2026-10-25T00:30:00Z', span('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')],
      ['and not again at the second 02:30 (CET, 01:30Z)', recurring('30 2 * * *', HOUR), '2026-10-25T01:45:00Z', undefined],
      ['01:00 + 3 h lasts 3 h of elapsed time (to 03:00 CET)', recurring('0 1 * * *', 3 * HOUR), '2026-10-25T01:59:00Z', span('2026-10-24T23:00:00Z', '2026-10-25T02:00:00Z')],
      ['23:00 on the 25th is CET: 22:00Z', recurring('0 23 * * *', 2 * HOUR), '2026-10-25T23:30:00Z', span('2026-10-25T22:00:00Z', '2026-10-26T00:00:00Z')],
    ])('%s', (_name, window, at, expected) => {
      expect(occurrenceAt(window, ms(at))).toEqual(expected);
    });
  });

  it('reads weekdays in the time zone: Friday 23:00 + 2 h covers Saturday 00:30 local', () => {
    const friday = recurring('0 23 * * 5', 2 * HOUR, 'America/New_York');
    expect(occurrenceAt(friday, ms('2026-12-05T05:30:00Z'))).toEqual(span('2026-12-05T04:00:00Z', '2026-12-05T06:00:00Z'));
    expect(occurrenceAt(friday, ms('2026-12-06T05:30:00Z'))).toBeUndefined();
  });

  it('merges starts closer than the duration into one occurrence', () => {
    const twice = recurring('0 10,11 * * *', 90 * MIN, 'UTC');
    expect(occurrenceAt(twice, ms('2026-12-01T10:12:00Z'))).toEqual(span('2026-12-01T10:00:00Z', '2026-12-01T12:30:00Z'));
    expect(occurrenceAt(twice, ms('2026-12-01T12:30:00Z'))).toBeUndefined();
  });

  it.each([
    ['before', '2026-12-05T20:59:59Z', undefined],
    ['at the start', '2026-12-05T21:00:00Z', span('2026-12-05T21:00:00Z', '2026-12-06T01:00:00Z')],
    ['at the end (exclusive)', '2026-12-06T01:00:00Z', undefined],
  ])('a one-off window (start/end with offsets): %s', (_name, at, expected) => {
    expect(occurrenceAt(once('2026-12-05T22:00:00+01:00', '2026-12-06T02:00:00+01:00'), ms(at))).toEqual(expected);
  });
});

describe('nextStartAfter', () => {
  it('is strictly after the instant', () => {
    const nightly = recurring('0 23 * * *', 2 * HOUR);
    expect(nextStartAfter(nightly, ms('2026-03-28T22:00:00Z'))).toBe(ms('2026-03-29T21:00:00Z'));
    expect(nextStartAfter(once('2026-12-05T21:00:00Z', '2026-12-05T22:00:00Z'), ms('2026-12-05T21:00:00Z'))).toBeUndefined();
  });
});

describe('maintenanceAt', () => {
  it('lists the occurrences on and the next start or end of any window', () => {
    const nightly = recurring('0 23 * * *', 2 * HOUR);
    const deploy = once('2026-03-10T22:30:00Z', '2026-03-10T23:15:00Z', { monitors: ['api'] });
    const state = maintenanceAt([nightly, deploy], ms('2026-03-10T22:45:00Z'));
    expect(state.active.map(({ window, startMs, endMs }) => [window.name, startMs, endMs])).toEqual([
      ['nightly', ms('2026-03-10T22:00:00Z'), ms('2026-03-11T00:00:00Z')],
      ['deploy', ms('2026-03-10T22:30:00Z'), ms('2026-03-10T23:15:00Z')],
    ]);
    expect(state.nextChangeMs).toBe(ms('2026-03-10T23:15:00Z'));
  });

  it('has no next change once every one-off window is over', () => {
    expect(maintenanceAt([once('2026-03-10T22:30:00Z', '2026-03-10T23:15:00Z')], ms('2026-03-11T00:00:00Z'))).toEqual({ active: [] });
  });
});
