import type { CheckError } from '../checkResult.js';
import type { ExpectSpec } from '../../config/types.js';
import type { HttpResponseInfo } from '../../http/httpClient.js';

/** What an expectation looks at: the final response and the measured numbers. */
export interface ExpectationInput {
  response: HttpResponseInfo;
  durationMs: number;
  certExpiresInDays?: number;
}

/**
 * One expectation: a small pure function. Returns the failure, or undefined when it holds (or does
 * not apply, e.g. no `json` configured).
 */
export type Expectation = (expect: ExpectSpec, input: ExpectationInput) => CheckError | undefined;
