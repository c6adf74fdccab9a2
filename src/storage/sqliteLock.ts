import Database from 'better-sqlite3';

/**
 * Why a lock database and not something simpler:
 * - `locking_mode=EXCLUSIVE` on the data file itself would also shut out `rxmon history`, which
 *   must read the file while the daemon runs (WAL readers need the shared-memory index that
 *   exclusive mode never creates);
 * - a `locks` row or a long `BEGIN EXCLUSIVE` on the data file blocks the daemon's own commits;
 * - an O_EXCL pid file goes stale on kill -9, and deciding staleness by pid is wrong after a reboot
 *   or in a container, where the next rxmon often gets the very same pid.
 * A tiny second SQLite file, `<path>.lock`, held with `locking_mode=EXCLUSIVE` after one write,
 * keeps an OS (fcntl) lock for as long as this connection is open: the kernel drops it when the
 * process dies, however it dies, and SQLite also refuses it to a second connection of the same
 * process. The data file stays shared for readers.
 *
 * Caveat of fcntl locks: closing any descriptor of the lock file drops them, so nothing in the
 * process may open the lock file other than through this class (SQLite itself knows).
 */
export class SqliteLock {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Takes the lock or says it is taken.
   *
   * @param lockPath The lock file (created if missing).
   * @returns The held lock, or `undefined` when another connection holds it.
   */
  static acquire(lockPath: string): SqliteLock | undefined {
    const db = new Database(lockPath, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
      db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
      db.exec('COMMIT');
      return new SqliteLock(db);
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
      throw error;
    }
  }

  /** Lets the next daemon take the lock. The file stays: unlinking it could let two holders in. */
  release(): void {
    if (this.db.open) this.db.close();
  }
}
