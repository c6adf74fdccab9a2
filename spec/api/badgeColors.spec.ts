import { formatMs, formatPercent, responseTimeColor, stateColor, uptimeColor } from '../../src/api/badgeColors.js';

describe('uptimeColor', () => {
  it.each([
    [1, 'brightgreen'],
    [0.999, 'brightgreen'],
    [0.9989, 'green'],
    [0.99, 'green'],
    [0.9899, 'yellow'],
    [0.95, 'yellow'],
    [0.9499, 'orange'],
    [0.9, 'orange'],
    [0.8999, 'red'],
    [0, 'red'],
    [null, 'grey'],
  ])('colours %s as %s', (ratio, color) => {
    expect(uptimeColor(ratio)).toBe(color);
  });
});

describe('responseTimeColor', () => {
  it.each([
    [0, 'brightgreen'],
    [199, 'brightgreen'],
    [200, 'green'],
    [499, 'green'],
    [500, 'yellow'],
    [999, 'yellow'],
    [1_000, 'orange'],
    [1_999, 'orange'],
    [2_000, 'red'],
    [null, 'grey'],
  ])('colours %s ms as %s', (ms, color) => {
    expect(responseTimeColor(ms)).toBe(color);
  });
});

describe('stateColor', () => {
  it.each([
    ['up', 'brightgreen'],
    ['down', 'red'],
    ['pending', 'grey'],
    ['unknown', 'grey'],
  ])('colours %s as %s', (state, color) => {
    expect(stateColor(state)).toBe(color);
  });
});

describe('formatPercent', () => {
  it.each([
    [1, '100%'],
    [0.99999, '99.99%'],
    [0.9995, '99.95%'],
    [0.875, '87.5%'],
    [0, '0%'],
    [2 / 3, '66.66%'],
    [null, 'no data'],
  ])('writes %s as %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

describe('formatMs', () => {
  it.each([
    [12.4, '12 ms'],
    [999.4, '999 ms'],
    [1_240, '1.24 s'],
    [null, 'no data'],
  ])('writes %s as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});
