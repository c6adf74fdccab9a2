import { z } from 'zod';
import { duration } from './durationSchema.js';
import { headerPatterns } from './headersSchema.js';
import { regexSource } from './regexSchema.js';
import { anyValue, positiveNumber } from './scalars.js';
import { statusRanges } from './statusSchema.js';
import { struct, type KeyStyle } from './struct.js';
import { optionalSection } from './valueSchema.js';

/**
 * The `expect:` block of a monitor: what makes a check ok. Every key is optional; the defaults are
 * filled later (`status` 200–399). `max_response_time` is in milliseconds when a bare number, in YAML
 * too (it is a response time, not a schedule).
 *
 * @param style How the input spells the keys.
 * @returns The schema.
 */
export function expectSchema(style: KeyStyle) {
  return struct(
    {
      status: statusRanges().optional(),
      bodyMatches: regexSource().optional(),
      bodyNotMatches: regexSource().optional(),
      json: optionalSection(z.record(z.string(), anyValue())),
      headers: optionalSection(headerPatterns(regexSource())),
      maxResponseTime: duration('ms').optional(),
      certExpiresInDaysMin: positiveNumber().optional(),
    },
    style,
  );
}
