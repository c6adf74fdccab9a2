import type { CheckError } from '../check/checkResult.js';

/** A monitor's state on the status page: `pending` until the health operator has decided. */
export type PageState = 'up' | 'down' | 'pending';

/** One check in a monitor's history (the sparkline's points). */
export interface LatencySample {
  /** The check's `durationMs`, rounded. */
  latencyMs: number;
  ok: boolean;
  /** The HTTP status, when a response arrived. */
  status?: number;
}

/** The last check of a monitor. */
export interface LastCheck extends LatencySample {
  /** When it started, ISO 8601. */
  at: string;
}

/** The last failed check of a monitor (it may have recovered since). */
export interface LastError extends CheckError {
  /** When the failed check started, ISO 8601. */
  at: string;
}

/** Everything the status page shows about one monitor: what `GET /` renders and `/events` sends. */
export interface MonitorView {
  /** The monitor's name. */
  name: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The configured URL, its password masked. */
  url: string;
  /** Check interval, ms. */
  checkEvery: number;
  state: PageState;
  /** Absent until the first check. */
  lastCheck?: LastCheck;
  /** Absent until a check fails. */
  lastError?: LastError;
  /** For https: days until the leaf certificate expires, from the last check that saw one. */
  certExpiresInDays?: number;
  /** Share of ok checks (0 to 1); absent when there was no check in the window. */
  uptime: { lastHour?: number; lastDay?: number };
  /** The last `historySize` checks, oldest first. */
  history: readonly LatencySample[];
}
