import { z } from 'zod';
import { duration } from './durationSchema.js';
import { flag, text, wholeNumber } from './scalars.js';
import { type KeyStyle, struct } from './struct.js';

/**
 * `cluster:`: several instances sharing one set of monitors through PostgreSQL (see
 * `src/cluster`). The rule that `enabled` needs `storage.type: postgres` is checked across sections
 * by `parseConfig`.
 *
 * @param options How the input is written.
 * @returns The schema.
 */
export function clusterSchema({ style, unitlessAs }: { style: KeyStyle; unitlessAs: 's' | 'ms' }) {
  return struct(
    {
      enabled: flag().optional(),
      instance: text({ nonEmpty: true }).optional(),
      slots: wholeNumber(1, 4096).optional(),
      heartbeatEvery: duration(unitlessAs).optional(),
      fenceAfter: duration(unitlessAs).optional(),
    },
    style,
  );
}
