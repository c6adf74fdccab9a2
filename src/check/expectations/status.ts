import type { Expectation } from './expectation.js';

/**
 * `expect.status`: the final response's status is inside one of the accepted ranges.
 *
 * ## Example
 * ```ts
 * status({ status: [[200, 399]] }, { response: { status: 503, … }, durationMs: 12 });
 * // { code: 'UNEXPECTED_STATUS', message: 'status 503, expected 200-399' }
 * ```
 *
 * @param expect The resolved expectations; `status` holds inclusive `[low, high]` ranges.
 * @param input The response and measurements.
 * @returns `UNEXPECTED_STATUS`, or undefined when the status is accepted.
 */
export const status: Expectation = (expect, input) => {
  const code = input.response.status;
  if (expect.status.some(([low, high]) => code >= low && code <= high)) return undefined;
  return { code: 'UNEXPECTED_STATUS', message: `status ${code}, expected ${describeRanges(expect.status)}` };
};

/**
 * Status ranges as people write them: `200, 300-399`.
 *
 * @param ranges Inclusive `[low, high]` pairs.
 * @returns The ranges joined with `, `; a one-code range is written as the code.
 */
export function describeRanges(ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return 'none';
  return ranges.map(([low, high]) => (low === high ? `${low}` : `${low}-${high}`)).join(', ');
}
