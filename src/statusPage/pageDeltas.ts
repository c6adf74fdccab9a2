import { type OperatorFunction, type SchedulerLike, asyncScheduler, bufferTime, filter, map } from 'rxjs';
import type { LiveMonitor } from '../live/liveMonitors.js';

/**
 * What `/events` sends about one monitor after a check: its position on the page and its figures,
 * not HTML. About 50 bytes.
 */
export interface PageDelta {
  /** The monitor's index in the page's monitor list (`data-i` on its row). */
  i: number;
  /** Its state. */
  s: 'up' | 'down' | 'pending' | 'maintenance';
  /** The last HTTP status; absent when no response arrived. */
  st?: number;
  /** The last check's latency, whole ms. */
  l?: number;
  /** Uptime over the last 24 h, 0 to 1 (4 decimals); absent when not known. */
  u?: number;
  /** The last check's error code, when it failed. */
  e?: string;
}

/**
 * The delta of one monitor as it is now.
 *
 * @param index Its index in the page's list.
 * @param monitor The monitor.
 * @param uptime Its uptime over the last 24 h, 0 to 1, if known.
 * @returns The delta.
 */
export function pageDelta(index: number, monitor: LiveMonitor, uptime: number | undefined): PageDelta {
  const last = monitor.last;
  const delta: PageDelta = { i: index, s: monitor.state };
  if (last?.status !== undefined) delta.st = last.status;
  if (last) delta.l = Math.round(last.durationMs);
  if (uptime !== undefined) delta.u = Math.floor(uptime * 10_000) / 10_000;
  if (last && !last.ok && last.error) delta.e = last.error.code;
  return delta;
}

/**
 * One Server-Sent Events frame carrying a batch of deltas: `id:` (the time it was built, ms, which a
 * reconnecting browser sends back as `Last-Event-ID`) and `data: {"d":[…]}`.
 *
 * @param deltas The deltas.
 * @param atMs When, ms since the epoch.
 * @returns The frame.
 */
export function deltaFrame(deltas: readonly PageDelta[], atMs: number): string {
  return `id: ${atMs}\ndata: ${JSON.stringify({ d: deltas })}\n\n`;
}

/** Options of {@link deltaFrames}. */
export interface DeltaFramesOptions {
  /** A monitor's index on the page, or `undefined` when it is not listed (ignored). */
  indexOf: (name: string) => number | undefined;
  /** A monitor's uptime over 24 h, if known. */
  uptimeOf: (name: string) => number | undefined;
  /** How long changes are collected into one frame, ms. Default 250. */
  windowMs?: number;
  scheduler?: SchedulerLike;
}

/**
 * Batches monitor changes into SSE frames: every `windowMs`, one frame with one delta per monitor
 * that changed (its latest figures), or nothing when none did. Built once per batch: share the
 * output and write the same string to every client.
 *
 * ```
 * changes: -a-b-a-------b-|   (windowMs = 5 frames)
 * output:   -----x----y----(z|)  x: [a, b]; y: [a]; z: [b] (an empty window sends nothing)
 * ```
 *
 * @param options Index and uptime look-ups, the window, the scheduler.
 * @returns An operator from changed monitors to frames.
 */
export function deltaFrames({ indexOf, uptimeOf, windowMs = 250, scheduler = asyncScheduler }: DeltaFramesOptions): OperatorFunction<LiveMonitor, string> {
  return (changes$) =>
    changes$.pipe(
      bufferTime(windowMs, scheduler),
      map((monitors) => {
        const deltas = new Map<string, PageDelta>();
        for (const monitor of monitors) {
          const index = indexOf(monitor.name);
          if (index !== undefined) deltas.set(monitor.name, pageDelta(index, monitor, uptimeOf(monitor.name)));
        }
        return [...deltas.values()];
      }),
      filter((deltas) => deltas.length > 0),
      map((deltas) => deltaFrame(deltas, scheduler.now())),
    );
}
