import type { Checked } from './schema/valueSchema.js';

/** Decodes strictly: any invalid byte is an error, not a U+FFFD. A leading BOM is dropped. */
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The UTF-8 bytes of U+FFFD, to tell a real replacement character from a bad byte. */
const REPLACEMENT = [0xef, 0xbf, 0xbd];

/** Where decoding failed. */
export interface BadByte {
  /** Byte offset of the first invalid byte. */
  readonly offset: number;
  /** Its 1-based line. */
  readonly line: number;
}

/**
 * Decodes a config file's bytes as UTF-8, refusing anything else.
 *
 * @param bytes The file's contents.
 * @returns The text, or the problem `not UTF-8 text (invalid byte at offset N)` with its line.
 */
export function decodeUtf8(bytes: Uint8Array): Checked<string> & { readonly badByte?: BadByte } {
  try {
    return { ok: true, value: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const line = 1 + bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length;
    return { ok: false, problem: `not UTF-8 text (invalid byte at offset ${offset})`, badByte: { offset, line } };
  }
}

/**
 * Offset of the first byte that is not valid UTF-8: everything before it decodes faithfully, so the
 * first U+FFFD of a lenient decode that is not a real U+FFFD in the bytes marks it.
 *
 * @param bytes Bytes known to hold invalid UTF-8.
 * @returns The offset.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const text = lenient.decode(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let index = text.indexOf('\uFFFD');
  while (index !== -1) {
    const offset = bom + Buffer.byteLength(text.slice(0, index));
    if (!REPLACEMENT.every((byte, i) => bytes[offset + i] === byte)) return offset;
    index = text.indexOf('\uFFFD', index + 1);
  }
  return bytes.length;
}
