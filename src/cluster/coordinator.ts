import type { Observable } from 'rxjs';

/** What one heartbeat learnt from PostgreSQL. */
export interface Membership {
  /** The live instances (sessions holding the membership lock), by start time then name. */
  live: string[];
  /** Who holds each locked slot (PostgreSQL's lock table joined with the member table). */
  holders: Map<number, string>;
}

/** A slot this instance just locked. */
export interface LockedSlot {
  slot: number;
  /**
   * How long to wait before checking its monitors, ms: 0 when the slot was released cleanly (its
   * last owner stopped first) or never owned; the fencing bound when its last owner lost its
   * session without releasing (it may still be checking until it fences itself).
   */
  waitMs: number;
}

/**
 * The cluster's view of PostgreSQL: an adapter over one dedicated connection whose session holds
 * this instance's membership lock and slot locks. Every call is a cold Observable (one value, then
 * complete, or an error); a call that errors leaves the connection dropped, and the next one
 * connects (a new session, holding nothing) again.
 */
export interface Coordinator {
  /** This instance's name. */
  readonly instance: string;
  /** Connects and registers when needed, then refreshes this instance's `last_seen` and reads the membership. */
  heartbeat(): Observable<Membership>;
  /** Tries to lock these free slots; emits the ones it got. */
  lock(slots: readonly number[]): Observable<LockedSlot[]>;
  /**
   * Unlocks these slots. `clean`: their monitors ran here and are stopped now, so the next owner may
   * start at once; otherwise (never started: still waiting out an unclean hand-over) the row keeps
   * the wait for the next owner.
   */
  unlock(slots: readonly number[], clean: boolean): Observable<void>;
  /** Emits when the connection breaks between calls (the session, with its locks, is gone or going). */
  readonly lost$: Observable<unknown>;
  /** Drops the connection at once: PostgreSQL ends the session and frees its locks. */
  reset(): void;
  /** Releases every slot cleanly, leaves the member table and disconnects (after the monitors stopped). */
  close(): Promise<void>;
}
