import { certUrgency, formatCertDays, formatClock, formatInterval, formatLatency, formatPercent } from '../../src/statusPage/formatFigures.js';
import { refreshSeconds } from '../../src/statusPage/refreshSeconds.js';

describe('formatPercent', () => {
  it.each([
    [1, '100%'],
    [0.99999, '99.99%'],
    [0.9995, '99.95%'],
    [0.99, '99%'],
    [0.758621, '75.8%'],
    [0.5, '50%'],
    [0, '0%'],
    [undefined, '—'],
  ])('writes %p as %p (rounded down, never up to 100%%)', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

describe('formatLatency', () => {
  it.each([
    [12.4, '12 ms'],
    [9_999, '9999 ms'],
    [12_345, '12.3 s'],
    [undefined, '—'],
  ])('writes %p ms as %p', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });
});

describe('formatCertDays', () => {
  it.each([
    [42.9, '42 days'],
    [1.2, '1 day'],
    [0.5, '< 1 day'],
    [-0.1, 'expired'],
    [undefined, '—'],
  ])('writes %p days as %p', (days, text) => {
    expect(formatCertDays(days)).toBe(text);
  });

  it.each([
    [-1, 'bad'],
    [6.9, 'bad'],
    [20, 'warn'],
    [21, 'good'],
  ] as const)('rates %p days as %p', (days, urgency) => {
    expect(certUrgency(days)).toBe(urgency);
  });
});

describe('formatInterval', () => {
  it.each([
    [500, '500 ms'],
    [30_000, '30 s'],
    [1_500, '1.5 s'],
    [300_000, '5 min'],
    [90_000, '90 s'],
    [3_600_000, '1 h'],
  ])('writes %p ms as %p', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});

describe('formatClock', () => {
  it('writes the UTC time of day', () => {
    expect(formatClock('2026-01-01T14:03:27.123Z')).toBe('14:03:27 UTC');
  });

  it('leaves a non-date alone', () => {
    expect(formatClock('soon')).toBe('soon');
  });
});

describe('refreshSeconds', () => {
  it.each([
    [[30_000, 10_000], 10],
    [[1_500], 5],
    [[12_400], 13],
    [[3_600_000], 300],
    [[], 30],
  ])('refreshes a page of monitors checked every %p ms every %p s', (intervals, seconds) => {
    expect(refreshSeconds(intervals)).toBe(seconds);
  });
});
