import { formatDuration, parseDuration } from '../../src/config/duration.js';

describe('parseDuration', () => {
  it.each([
    // YAML: bare numbers are seconds (the original's `timeout: 5`)
    { value: 5, unitlessAs: 's', ms: 5_000 },
    { value: 0.5, unitlessAs: 's', ms: 500 },
    { value: '5', unitlessAs: 's', ms: 5_000 },
    { value: '0.25', unitlessAs: 's', ms: 250 },
    // library: bare numbers are milliseconds
    { value: 500, unitlessAs: 'ms', ms: 500 },
    { value: '500', unitlessAs: 'ms', ms: 500 },
    { value: 1.4, unitlessAs: 'ms', ms: 1 },
    // strings with units mean the same everywhere
    { value: '500ms', unitlessAs: 's', ms: 500 },
    { value: '500ms', unitlessAs: 'ms', ms: 500 },
    { value: '2s', unitlessAs: 's', ms: 2_000 },
    { value: '1.5s', unitlessAs: 'ms', ms: 1_500 },
    { value: '.5s', unitlessAs: 's', ms: 500 },
    { value: '1m', unitlessAs: 's', ms: 60_000 },
    { value: '1h', unitlessAs: 's', ms: 3_600_000 },
    { value: '1d', unitlessAs: 's', ms: 86_400_000 },
    { value: '1m30s', unitlessAs: 's', ms: 90_000 },
    { value: '1h 30m', unitlessAs: 's', ms: 5_400_000 },
    { value: ' 2 s ', unitlessAs: 's', ms: 2_000 },
  ] as const)('reads $value ($unitlessAs) as $ms ms', ({ value, unitlessAs, ms }) => {
    expect(parseDuration(value, unitlessAs)).toBe(ms);
  });

  it.each([
    { value: 0, why: 'zero' },
    { value: '0s', why: 'zero with a unit' },
    { value: -5, why: 'negative' },
    { value: '-5s', why: 'a negative string' },
    { value: NaN, why: 'NaN' },
    { value: Infinity, why: 'infinite' },
    { value: '5 weeks', why: 'an unknown unit' },
    { value: '5S', why: 'an upper-case unit' },
    { value: 's', why: 'a unit alone' },
    { value: '', why: 'empty' },
    { value: '1.2.3s', why: 'a malformed number' },
    { value: '0.0001', why: 'less than a millisecond' },
    { value: null, why: 'null' },
    { value: true, why: 'a boolean' },
    { value: [5], why: 'a list' },
  ])('refuses $why', ({ value }) => {
    expect(parseDuration(value, 's')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    { ms: 500, text: '500 ms' },
    { ms: 1_000, text: '1 s' },
    { ms: 1_500, text: '1.5 s' },
    { ms: 90_000, text: '90 s' },
  ])('writes $ms ms as "$text"', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
