import type { Observable } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { HealthTrack } from '../operators/healthTransition.js';
import type { MonitorState } from '../operators/health.js';

/** Which store backs the daemon (`storage.type`). */
export type StorageType = 'memory' | 'sqlite' | 'postgres';

/** What the daemon needs to resume one monitor after a restart: its health track. */
export interface HealthSnapshot {
  /** The monitor's name. */
  monitor: string;
  /** The anti-flapping track: decided state and the current streak. */
  track: HealthTrack;
  /** `startedAt` (ISO) of the result that decided the current state; absent while `unknown`. */
  since?: string;
  /** `startedAt` (ISO) of the last result seen. */
  lastAt: string;
}

/** One flush: everything the daemon learnt since the previous one. */
export interface StoreBatch {
  /** Check results, in arrival order. */
  results: readonly CheckResult[];
  /** State changes decided by `health()` (the incident log), in order. */
  changes: readonly MonitorState[];
  /** Each monitor's latest health track in this batch (at most one per monitor). */
  health: readonly HealthSnapshot[];
}

/** Which stored results to read. Times are ms since the epoch, on `startedAt`. */
export interface ResultQuery {
  /** Only this monitor. Absent: every monitor. */
  monitor?: string;
  /** Inclusive lower bound. */
  sinceMs?: number;
  /** Exclusive upper bound. */
  untilMs?: number;
  /** At most this many. Absent: no limit. */
  limit?: number;
  /** `asc`: oldest first (the history command); `desc`: newest first (the API). */
  order: 'asc' | 'desc';
  /** Continue after the page that returned this cursor (opaque). */
  cursor?: string;
}

/** One page of results. */
export interface ResultPage {
  results: CheckResult[];
  /** Present when more results match: pass it as `cursor` to read on. */
  next?: string;
}

/** Which state changes to read. */
export interface ChangeQuery {
  monitor?: string;
  sinceMs?: number;
  untilMs?: number;
  limit?: number;
}

/**
 * Upper bounds (ms) of the latency histogram kept in every aggregate bucket; a last, open bucket
 * counts the rest. Log-spaced like Prometheus's default buckets, so a percentile read from it is
 * right to within one bucket.
 */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000] as const;

/** Aggregated checks of one monitor over a span of time (summed from stored buckets). */
export interface UptimeFigure {
  monitor: string;
  /** Checks counted. */
  checks: number;
  /** Of those, ok. */
  ok: number;
  /** Sum, min and max of `durationMs` over the checks; min and max are absent with no checks. */
  latencySumMs: number;
  latencyMinMs?: number;
  latencyMaxMs?: number;
  /** Counts per {@link LATENCY_BUCKETS_MS} bucket, the open bucket last (12 numbers). */
  histogram: number[];
}

/** One aggregate bucket of one monitor, for charts. */
export interface AggregateBucket extends UptimeFigure {
  /** Start of the bucket, ms since the epoch. */
  startMs: number;
  /** Sums of each phase over the checks that had timings, ms, and how many had them. */
  phases: { dnsMs: number; connectMs: number; tlsMs: number; firstByteMs: number; transferMs: number; count: number };
}

/** Which aggregates to read. */
export interface UptimeQuery {
  /** Only these monitors. Absent: every monitor that has buckets in the window. */
  monitors?: readonly string[];
  /** Window start, ms since the epoch (inclusive; rounded down to the bucket). */
  sinceMs: number;
  /** Window end, ms since the epoch (exclusive). */
  untilMs: number;
  /** Which buckets to sum: `hour` (default; kept for 24 h to 30 d windows) or `day` (90 d, 1 y). */
  width?: 'hour' | 'day';
}

/**
 * A maintenance window opened ad hoc (`rxmon maintenance start`, `POST /api/v1/maintenance`), kept
 * in the store so that every instance sees it. Exactly one of `monitor` and `group` is set.
 */
export interface AdHocWindow {
  /** Unique (a random UUID). */
  id: string;
  monitor?: string;
  group?: string;
  /** Start, ms since the epoch (inclusive). */
  startMs: number;
  /** End, ms since the epoch (exclusive); a stop moves it to the stop time. */
  endMs: number;
  /** Why, as given (`--reason`). */
  reason?: string;
  /** When it was opened, ms since the epoch. */
  createdMs: number;
}

/** Which ad hoc windows a stop ends: those of this monitor, or of this group. */
export type MaintenanceTarget = { monitor: string } | { group: string };

/** How long each kind of row is kept, ms. */
export interface Retention {
  /** Every raw result. */
  results: number;
  /** Failed results (kept longer than ok ones: they explain incidents). */
  failures: number;
  /** State changes (the incident log). */
  changes: number;
  /** Hourly aggregates (uptime and latency over 24 h, 7 d, 30 d). */
  hourly: number;
  /** Daily aggregates (uptime over 90 d, 1 y). */
  daily: number;
}

/**
 * Where rxmon keeps what it learnt: check results, state changes, aggregates and each monitor's
 * health track. The rest of rxmon depends on this interface only; SQL lives in the adapters.
 *
 * Writes return cold Observables (subscribe to run, one value then complete, or an error), so the
 * writer sink stays in Rx and runs in virtual time over the in-memory store. Reads are Promises:
 * they are called at the edges (the CLI, HTTP routes, start-up).
 */
export interface Store {
  readonly type: StorageType;
  /** Writes one batch in one transaction: results, changes, aggregates, health tracks. */
  write(batch: StoreBatch): Observable<void>;
  /**
   * Deletes at most `batchSize` rows that retention no longer keeps (oldest first, one kind at a
   * time) and says how many went; the caller repeats, yielding in between, until 0.
   */
  prune(retention: Retention, nowMs: number, batchSize: number): Observable<number>;
  /** Stored results. */
  results(query: ResultQuery): Promise<ResultPage>;
  /** Stored state changes, oldest first. */
  changes(query: ChangeQuery): Promise<MonitorState[]>;
  /** One summed figure per monitor over the window, from hourly (or, with `width: 'day'`, daily) buckets; sorted by monitor. */
  uptime(query: UptimeQuery): Promise<UptimeFigure[]>;
  /** Aggregate buckets of one monitor over a window (`hour` or `day` wide), oldest first. */
  buckets(monitor: string, query: Omit<UptimeQuery, 'monitors' | 'width'>, width: 'hour' | 'day'): Promise<AggregateBucket[]>;
  /** Every monitor's last health track: what a restarted daemon resumes from. */
  resume(): Promise<HealthSnapshot[]>;
  /** Monitor names that have anything stored. */
  monitors(): Promise<string[]>;
  /** Keeps an ad hoc maintenance window (called at the edges: the CLI and the API). */
  addMaintenance(window: AdHocWindow): Promise<void>;
  /** Ends now the ad hoc windows of a monitor or group not yet over (end moved to `nowMs`); says how many. */
  stopMaintenance(target: MaintenanceTarget, nowMs: number): Promise<number>;
  /** The ad hoc windows not over at `nowMs` (including future ones), oldest start first. */
  maintenance(nowMs: number): Promise<AdHocWindow[]>;
  /** Closes connections and files. Safe to call twice. */
  close(): Promise<void>;
}
