import type { z } from 'zod';
import { parseByteSize } from '../byteSize.js';
import { accept, reject, valueSchema } from './valueSchema.js';

/**
 * `max_body_bytes`: a whole number of bytes or a size such as `"1MiB"`, `"512KiB"`, `"10kB"`.
 *
 * @returns The schema; its output is bytes.
 */
export function byteSize(): z.ZodType<number, unknown> {
  return valueSchema((input) => {
    const bytes = parseByteSize(input);
    return bytes === undefined
      ? reject('expected a positive size in bytes such as 1048576, "512KiB" or "1MiB"')
      : accept(bytes);
  });
}
