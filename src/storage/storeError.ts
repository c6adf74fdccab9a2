/**
 * A store that cannot be used at start-up: a file that is not a SQLite database, a schema newer
 * than this rxmon knows, a file another daemon holds, a database that refuses the credentials.
 * The CLI prints `message` and exits 2; the file is left untouched.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  /**
   * @param where The file or (masked) URL.
   * @param problem What is wrong, one line.
   * @param options `cause`: the underlying error.
   */
  constructor(
    readonly where: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${where}: ${problem}`, options);
  }
}
