import { maxResponseTime } from '../../../src/check/expectations/maxResponseTime.js';
import { expectSpec, input } from './fixtures.js';

describe('maxResponseTime', () => {
  it.each([
    { limit: undefined, durationMs: 99_999 },
    { limit: 500, durationMs: 499.9 },
    { limit: 500, durationMs: 500 },
  ])('holds for $durationMs ms with limit $limit', ({ limit, durationMs }) => {
    expect(maxResponseTime(expectSpec({ maxResponseTime: limit }), input({}, { durationMs }))).toBeUndefined();
  });

  it.each([
    { limit: 500, durationMs: 812.4, message: 'took 812 ms, limit 500 ms' },
    { limit: 500, durationMs: 500.2, message: 'took 500 ms, limit 500 ms' },
    { limit: 0, durationMs: 1, message: 'took 1 ms, limit 0 ms' },
  ])('fails $durationMs ms with limit $limit', ({ limit, durationMs, message }) => {
    expect(maxResponseTime(expectSpec({ maxResponseTime: limit }), input({}, { durationMs }))).toEqual({
      code: 'SLOW_RESPONSE',
      message,
    });
  });
});
