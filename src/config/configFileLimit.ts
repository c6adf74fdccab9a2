/**
 * The largest config file rxmon reads (each file, with `include:`): room for 100,000 monitors of
 * 300 bytes each and more. Parsing is linear, so this only bounds memory; alias bombs are refused
 * by yaml's alias-count limit whatever the size.
 */
export const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

/**
 * The problem text of a file over {@link MAX_CONFIG_BYTES}.
 *
 * @param bytes The file's size.
 * @returns `file too large (65.0 MiB, limit 64 MiB)`.
 */
export function fileTooLarge(bytes: number): string {
  return `file too large (${(bytes / 2 ** 20).toFixed(1)} MiB, limit ${MAX_CONFIG_BYTES / 2 ** 20} MiB)`;
}
