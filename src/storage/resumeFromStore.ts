import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorState } from '../operators/health.js';
import { BUCKET_MS } from './aggregates.js';
import type { AggregateBucket, HealthSnapshot, Store } from './store.js';

/** One monitor's recent past, as the status page shows it after a restart. */
export interface MonitorHistory {
  monitor: string;
  /** The decided state before the restart; absent while it was pending. */
  state?: 'up' | 'down';
  /** The latest results, oldest first (at most the page's history size). */
  results: CheckResult[];
  /** Hourly buckets of the last day, oldest first (the page's uptime). */
  hourly: AggregateBucket[];
}

/** What a restarted daemon starts from. */
export interface Resumed {
  /** Every stored health track (monitors no longer configured included: harmless, never emitted). */
  tracks: HealthSnapshot[];
  /** The change that took each monitor that is still down there: alerts for it were already sent. */
  down: MonitorState[];
  /** The status page's history per configured monitor (empty unless asked for). */
  pages: MonitorHistory[];
  /** Why nothing was resumed: the store could not be read at start-up (a database that is away). */
  unavailable?: unknown;
}

/** What {@link resumeFromStore} needs. */
export interface ResumeParams {
  store: Store;
  /** The configured monitors. */
  monitors: readonly ResolvedMonitorSpec[];
  /** Also read what the status page shows (only when it is served). */
  statusPage: boolean;
  historySize: number;
  /** Also read each monitor's hourly buckets of the last day (`MonitorHistory.hourly`). Default false. */
  hourlyUptime?: boolean;
  /** Now, ms since the epoch. Default `Date.now()`. */
  nowMs?: number;
}

/**
 * Reads what a restarted daemon needs from the store: each monitor's health track, the incident
 * that keeps a down monitor down, and the status page's recent history. An edge function: it
 * awaits the store's reads once, at start-up. A store that cannot be read (PostgreSQL down at
 * start) does not stop the daemon: it starts from nothing, as on a fresh store, and says why in
 * `unavailable`; the writer sink then buffers until the database is back.
 *
 * @param params The store, the monitors and what to read.
 * @returns What to resume from; never rejects.
 */
export async function resumeFromStore(params: ResumeParams): Promise<Resumed> {
  try {
    return await readResumed(params);
  } catch (error) {
    return { tracks: [], down: [], pages: [], unavailable: error };
  }
}

async function readResumed({ store, monitors, statusPage, historySize, hourlyUptime = false, nowMs = Date.now() }: ResumeParams): Promise<Resumed> {
  const tracks = await store.resume();
  const configured = new Set(monitors.map((spec) => spec.name));
  const down: MonitorState[] = [];
  for (const snapshot of tracks) {
    if (snapshot.track.state !== 'down' || !configured.has(snapshot.monitor)) continue;
    const sinceMs = snapshot.since === undefined ? undefined : Date.parse(snapshot.since);
    const [change] = await store.changes({ monitor: snapshot.monitor, ...(sinceMs === undefined ? {} : { sinceMs }), limit: 1 });
    down.push(change?.state === 'down' ? change : placeholderChange(snapshot));
  }
  const pages: MonitorHistory[] = [];
  if (statusPage) {
    const byName = new Map(tracks.map((snapshot) => [snapshot.monitor, snapshot]));
    for (const { name } of monitors) {
      const snapshot = byName.get(name);
      if (!snapshot) continue;
      const recent = await store.results({ monitor: name, order: 'desc', limit: historySize });
      // The page reads uptime from the store itself; only a caller that keeps its own counters asks.
      const hourly = hourlyUptime ? await store.buckets(name, { sinceMs: nowMs - 24 * BUCKET_MS.hour, untilMs: nowMs + BUCKET_MS.hour }, 'hour') : [];
      const state = snapshot.track.state === 'unknown' ? undefined : snapshot.track.state;
      pages.push({ monitor: name, ...(state ? { state } : {}), results: recent.results.reverse(), hourly });
    }
  }
  return { tracks, down, pages };
}

/** A down state whose change retention already removed: enough to resolve it once. */
function placeholderChange(snapshot: HealthSnapshot): MonitorState {
  const since = snapshot.since ?? snapshot.lastAt;
  return {
    monitor: snapshot.monitor,
    state: 'down',
    since,
    consecutive: snapshot.track.streak,
    result: { monitor: snapshot.monitor, method: 'GET', url: '', startedAt: since, ok: false, bytes: 0, durationMs: 0, error: { code: 'UNKNOWN', message: 'the result that caused this incident is no longer stored' } },
  };
}
