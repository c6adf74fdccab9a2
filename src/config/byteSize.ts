/** Bytes per size unit: decimal (`kB`, `MB`, `GB`) and binary (`KiB`, `MiB`, `GiB`). */
const UNIT_BYTES: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
};

const SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i;

/**
 * Parses a byte size: a whole number of bytes, or a string with a unit. Units are case-insensitive;
 * `kB`/`MB`/`GB` are powers of 1000, `KiB`/`MiB`/`GiB` powers of 1024; the result is rounded down to
 * whole bytes and must be at least 1.
 *
 * ```text
 * parseByteSize(1048576)   → 1048576
 * parseByteSize('1MiB')    → 1048576
 * parseByteSize('512KiB')  → 524288
 * parseByteSize('10kB')    → 10000
 * parseByteSize('1.5 MB')  → 1500000
 * parseByteSize(0)         → undefined
 * parseByteSize('1 parsec') → undefined
 * ```
 *
 * @param value The raw value.
 * @returns Bytes, or `undefined` when `value` is not a positive size.
 */
export function parseByteSize(value: unknown): number | undefined {
  let bytes: number | undefined;
  if (typeof value === 'number') {
    bytes = Number.isInteger(value) ? value : undefined;
  } else if (typeof value === 'string') {
    const match = SIZE.exec(value.trim());
    const unit = match === null ? undefined : UNIT_BYTES[match[2].toLowerCase()];
    bytes = match === null || unit === undefined ? undefined : Math.floor(Number(match[1]) * unit);
  }
  return bytes !== undefined && Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : undefined;
}
