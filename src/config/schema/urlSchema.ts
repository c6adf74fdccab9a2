import type { z } from 'zod';
import { accept, reject, valueSchema, wrongType } from './valueSchema.js';

/**
 * An absolute http or https URL, kept as written (trimmed). The URL itself is never echoed in a
 * message: it may carry a password.
 *
 * @returns The schema.
 */
export function httpUrl(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a URL', input));
    const text = input.trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return reject('not a valid URL (expected http://host/… or https://host/…)');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return reject(`unsupported scheme "${url.protocol.slice(0, -1).slice(0, 20)}" (expected http or https)`);
    }
    if (url.hostname === '') return reject('not a valid URL: no host');
    return accept(text);
  });
}
