import type { ExpectSpec } from '../../../src/config/types.js';
import type { ExpectationInput } from '../../../src/check/expectations/expectation.js';

/** An ExpectSpec with the default status range and the given extras. */
export function expectSpec(extra: Partial<ExpectSpec> = {}): ExpectSpec {
  return { status: [[200, 399]], ...extra };
}

/** A 200 response with an empty body, overridable field by field. */
export function input(
  response: Partial<ExpectationInput['response']> & { text?: string } = {},
  extra: Partial<Omit<ExpectationInput, 'response'>> = {},
): ExpectationInput {
  const { text, ...rest } = response;
  return {
    response: { status: 200, headers: {}, body: Buffer.from(text ?? ''), ...rest },
    durationMs: 10,
    ...extra,
  };
}
