import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { describeFsError } from '../describeFsError.js';
import { accept, reject, valueSchema, wrongType } from './valueSchema.js';

/**
 * `tls.ca`: the path of a readable PEM file, resolved against `baseDir` (the config file's directory,
 * or the working directory for a library spec); the output is the absolute path.
 *
 * @param baseDir Where relative paths start.
 * @returns The schema.
 */
export function caFile(baseDir: string): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string' || input.trim() === '') return reject(wrongType('a file path', input));
    const path = resolve(baseDir, input);
    try {
      if (statSync(path).isDirectory()) return reject('cannot read the CA file: is a directory');
      accessSync(path, constants.R_OK);
      return accept(path);
    } catch (error) {
      return reject(`cannot read the CA file: ${describeFsError(error)}`);
    }
  });
}
