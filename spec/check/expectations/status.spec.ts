import { describeRanges, status } from '../../../src/check/expectations/status.js';
import { expectSpec, input } from './fixtures.js';

describe('status', () => {
  it.each([
    { ranges: [[200, 399]] as const, code: 200 },
    { ranges: [[200, 399]] as const, code: 399 },
    { ranges: [[200, 200], [500, 503]] as const, code: 503 },
  ])('accepts $code within $ranges', ({ ranges, code }) => {
    expect(status(expectSpec({ status: ranges }), input({ status: code }))).toBeUndefined();
  });

  it.each([
    { ranges: [[200, 399]] as const, code: 503, message: 'status 503, expected 200-399' },
    { ranges: [[200, 399]] as const, code: 199, message: 'status 199, expected 200-399' },
    { ranges: [[200, 399]] as const, code: 400, message: 'status 400, expected 200-399' },
    { ranges: [[200, 200], [300, 399]] as const, code: 204, message: 'status 204, expected 200, 300-399' },
    { ranges: [] as const, code: 200, message: 'status 200, expected none' },
  ])('rejects $code outside $ranges', ({ ranges, code, message }) => {
    expect(status(expectSpec({ status: ranges }), input({ status: code }))).toEqual({
      code: 'UNEXPECTED_STATUS',
      message,
    });
  });

  it('writes a one-code range as the code', () => {
    expect(describeRanges([[418, 418]])).toBe('418');
  });
});
