import type { Expectation } from './expectation.js';

/**
 * `expect.cert_expires_in_days_min`: the leaf certificate expires no sooner than the minimum. Applies
 * only when the minimum is set and the adapter knows `certExpiresInDays` (https).
 *
 * ## Example
 * ```ts
 * certExpiry({ …, certExpiresInDaysMin: 14 }, { certExpiresInDays: 3.25, … });
 * // { code: 'CERT_EXPIRING', message: 'certificate expires in 3.3 days, minimum 14 days' }
 * ```
 *
 * @param expect The resolved expectations; `certExpiresInDaysMin` in days.
 * @param input The measurements; `certExpiresInDays` fractional.
 * @returns `CERT_EXPIRING`, or undefined.
 */
export const certExpiry: Expectation = (expect, input) => {
  const min = expect.certExpiresInDaysMin;
  const days = input.certExpiresInDays;
  if (min === undefined || days === undefined || days >= min) return undefined;
  const when = days < 0 ? `expired ${(-days).toFixed(1)} days ago` : `expires in ${days.toFixed(1)} days`;
  return { code: 'CERT_EXPIRING', message: `certificate ${when}, minimum ${min} days` };
};
