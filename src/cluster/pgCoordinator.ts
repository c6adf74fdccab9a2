import pg from 'pg';
import { type Observable, Subject, defer, from } from 'rxjs';
import { stableHash } from '../monitor/firstCheckOffset.js';
import { schemaOfUrl } from '../storage/postgresStore.js';
import { storeErrorOf } from '../storage/sqlPostgres.js';
import {
  CREATE_TABLES,
  LIVE_MEMBERS,
  MARK_RELEASED,
  MEMBER_KEY,
  REGISTER,
  SETUP_KEY,
  SLOT_HOLDERS,
  TAKE_SLOTS,
  TOUCH,
  TRY_LOCK,
  UNLOCK,
} from './clusterSql.js';
import type { Coordinator, LockedSlot, Membership } from './coordinator.js';

/** What {@link PgCoordinator} needs. */
export interface PgCoordinatorOptions {
  /** The store's connection URL (the same database and schema). */
  url: string;
  /** This instance's name. */
  instance: string;
  /** How many slots the cluster has. */
  slots: number;
  /** The fencing bound, ms: calls give up after it, and PostgreSQL ends a silent session after twice it. */
  fenceAfter: number;
  /** The schema (default: the URL's, else `public`). */
  schema?: string;
}

/**
 * The {@link Coordinator} over one dedicated `pg.Client` (never a pool: session-level advisory locks
 * belong to the session that took them). Slot `s` is the advisory lock `(key, s)`, where `key`
 * comes from the schema's name, so clusters in other schemas of the same database never meet;
 * membership is a shared lock `(key, MEMBER_KEY)` held by every live instance's session.
 *
 * The session asks PostgreSQL to end it when it goes silent: `idle_session_timeout` (PostgreSQL
 * 14+) at twice the fencing bound, and TCP keepalives and `tcp_user_timeout` on the server's side
 * of the socket, so that the locks of an instance that vanished without closing its socket (a lost
 * network) are freed within a bound too. A killed process's socket is closed by its kernel, and
 * PostgreSQL frees its locks at once.
 */
export class PgCoordinator implements Coordinator {
  readonly instance: string;
  /** Key 1 of every lock: from the schema, non-negative. */
  readonly key: number;
  private readonly lost = new Subject<unknown>();
  readonly lost$: Observable<unknown> = this.lost.asObservable();
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private readonly startedAt = new Date().toISOString();
  private readonly schema: string;

  /** @param options See {@link PgCoordinatorOptions}. */
  constructor(private readonly options: PgCoordinatorOptions) {
    this.instance = options.instance;
    this.schema = options.schema ?? schemaOfUrl(options.url) ?? 'public';
    this.key = stableHash(`rxmon-cluster/${this.schema}`) & 0x7fffffff;
  }

  heartbeat(): Observable<Membership> {
    return defer(() => from(this.beat()));
  }

  lock(slots: readonly number[]): Observable<LockedSlot[]> {
    return defer(() => from(this.lockSlots(slots)));
  }

  unlock(slots: readonly number[], clean: boolean): Observable<void> {
    return defer(() => from(this.unlockSlots(slots, clean)));
  }

  reset(): void {
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    // Closing the socket ends the session: PostgreSQL frees its locks.
    if (client) void client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    if (!client) return;
    try {
      await client.query(MARK_RELEASED.replace('slot = ANY($2::int[])', 'true'), [this.instance]);
      await client.query('SELECT pg_advisory_unlock_all()');
      await client.query('DELETE FROM rxmon_cluster_members WHERE instance = $1 AND pid = pg_backend_pid()', [this.instance]);
    } catch {
      // Going anyway: the session's end frees the locks (the slots then count as unclean).
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async beat(): Promise<Membership> {
    const client = await this.connected();
    return this.guard(client, async () => {
      const touched = await client.query(TOUCH, [this.instance]);
      if (touched.rowCount === 0) await client.query(REGISTER, [this.instance, this.startedAt]);
      const live = await client.query<{ instance: string }>(LIVE_MEMBERS, [this.key]);
      const held = await client.query<{ slot: number; instance: string }>(SLOT_HOLDERS, [this.key, this.options.slots]);
      return { live: live.rows.map((row) => row.instance), holders: new Map(held.rows.map((row) => [row.slot, row.instance])) };
    });
  }

  private async lockSlots(slots: readonly number[]): Promise<LockedSlot[]> {
    const client = await this.connected();
    return this.guard(client, async () => {
      const tried = await client.query<{ slot: number; ok: boolean }>(TRY_LOCK, [this.key, slots]);
      const got = tried.rows.filter((row) => row.ok).map((row) => row.slot);
      if (got.length === 0) return [];
      const taken = await client.query<{ slot: number; wait_ms: number }>(TAKE_SLOTS, [this.instance, got, this.options.fenceAfter]);
      return taken.rows.map((row) => ({ slot: row.slot, waitMs: Math.ceil(Number(row.wait_ms)) }));
    });
  }

  private async unlockSlots(slots: readonly number[], clean: boolean): Promise<void> {
    const client = await this.connected();
    await this.guard(client, async () => {
      if (clean) await client.query(MARK_RELEASED, [this.instance, slots]);
      await client.query(UNLOCK, [this.key, slots]);
    });
  }

  /** Runs calls on a client; any failure drops it (its session may hold locks this side no longer knows). */
  private async guard<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (this.client === client) this.reset();
      throw storeErrorOf(error, this.options.url, 'cluster');
    }
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().then(
      (client) => {
        this.client = client;
        return client;
      },
      (error: unknown) => {
        this.connecting = undefined;
        throw storeErrorOf(error, this.options.url, 'cluster: cannot connect');
      },
    );
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const { fenceAfter } = this.options;
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: fenceAfter,
      query_timeout: fenceAfter,
      keepAlive: true,
      keepAliveInitialDelayMillis: Math.max(1000, Math.floor(fenceAfter / 3)),
      application_name: 'rxmon-cluster',
      options: `-c search_path=${this.schema}`,
    });
    // The connection breaking while idle: the session (and its locks) is gone or going.
    const onLost = (error: unknown) => {
      if (this.client === client) {
        this.reset();
        this.lost.next(error);
      }
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('the cluster connection to PostgreSQL ended')));
    try {
      await client.connect();
      const idle = Math.max(1, Math.ceil((2 * fenceAfter) / 1000));
      await client.query(
        `SET idle_session_timeout = '${2 * fenceAfter}ms'; SET tcp_keepalives_idle = ${idle}; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 2; SET tcp_user_timeout = '${2 * fenceAfter}ms'`,
      );
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [this.key, SETUP_KEY]);
      const schema = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [this.schema]);
      if (schema.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(CREATE_TABLES);
      await client.query('COMMIT');
      await client.query('SELECT pg_advisory_lock_shared($1::int, $2::int)', [this.key, MEMBER_KEY]);
      await client.query(REGISTER, [this.instance, this.startedAt]);
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}
