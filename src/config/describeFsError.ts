/** Short texts for the file-system error codes people meet. */
const TEXTS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a parent is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/**
 * A file-system error in a few words, for a config message: `no such file`, `permission denied`.
 *
 * @param error What `fs` threw.
 * @returns The short text (the error code itself for rare codes).
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? 'unreadable' : (TEXTS[code] ?? code);
}
