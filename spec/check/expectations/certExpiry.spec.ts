import { certExpiry } from '../../../src/check/expectations/certExpiry.js';
import { expectSpec, input } from './fixtures.js';

describe('certExpiry', () => {
  it.each([
    { min: undefined, days: 1 },
    { min: 14, days: undefined },
    { min: 14, days: 14 },
    { min: 14, days: 90.5 },
  ])('holds for $days days with minimum $min', ({ min, days }) => {
    expect(
      certExpiry(expectSpec({ certExpiresInDaysMin: min }), input({}, { certExpiresInDays: days })),
    ).toBeUndefined();
  });

  it.each([
    { min: 14, days: 3.25, message: 'certificate expires in 3.3 days, minimum 14 days' },
    { min: 14, days: 13.99, message: 'certificate expires in 14.0 days, minimum 14 days' },
    { min: 7, days: -2, message: 'certificate expired 2.0 days ago, minimum 7 days' },
  ])('fails $days days with minimum $min', ({ min, days, message }) => {
    expect(certExpiry(expectSpec({ certExpiresInDaysMin: min }), input({}, { certExpiresInDays: days }))).toEqual({
      code: 'CERT_EXPIRING',
      message,
    });
  });
});
