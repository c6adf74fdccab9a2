import type { Expectation } from './expectation.js';

/**
 * `expect.max_response_time`: the check's `durationMs` is at most the limit.
 *
 * ## Example
 * ```ts
 * maxResponseTime({ …, maxResponseTime: 500 }, { durationMs: 812.4, … });
 * // { code: 'SLOW_RESPONSE', message: 'took 812 ms, limit 500 ms' }
 * ```
 *
 * @param expect The resolved expectations; `maxResponseTime` in ms.
 * @param input The measurements.
 * @returns `SLOW_RESPONSE`, or undefined.
 */
export const maxResponseTime: Expectation = (expect, input) => {
  const limit = expect.maxResponseTime;
  if (limit === undefined || input.durationMs <= limit) return undefined;
  return { code: 'SLOW_RESPONSE', message: `took ${Math.round(input.durationMs)} ms, limit ${limit} ms` };
};
