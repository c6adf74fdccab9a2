import { BUCKET_MS, addFigure, emptyBucket } from './aggregates.js';
import type { Store, UptimeFigure } from './store.js';

/**
 * Uptime and latency per monitor over a window, cheaply: whole UTC days from the daily buckets, the
 * hours at either edge from the hourly ones (a 30-day window reads about 29 daily and 48 hourly
 * buckets per monitor, not 720). Daily and hourly buckets count the same results, so the sum is
 * what the hourly buckets alone would give while both are kept.
 *
 * @param store The store.
 * @param window `sinceMs` (inclusive) to `untilMs` (exclusive), ms since the epoch; `monitors` to narrow it.
 * @returns One figure per monitor that has checks in the window, sorted by monitor.
 */
export async function uptimeOver(store: Store, window: { sinceMs: number; untilMs: number; monitors?: readonly string[] }): Promise<UptimeFigure[]> {
  const { sinceMs, untilMs, monitors } = window;
  const firstHour = Math.floor(sinceMs / BUCKET_MS.hour) * BUCKET_MS.hour;
  const firstDay = Math.ceil(firstHour / BUCKET_MS.day) * BUCKET_MS.day;
  const endDay = Math.floor(untilMs / BUCKET_MS.day) * BUCKET_MS.day;
  const parts =
    endDay - firstDay < BUCKET_MS.day
      ? [store.uptime({ sinceMs, untilMs, ...(monitors ? { monitors } : {}) })]
      : [
          store.uptime({ sinceMs: firstHour, untilMs: firstDay, ...(monitors ? { monitors } : {}) }),
          store.uptime({ sinceMs: firstDay, untilMs: endDay, width: 'day', ...(monitors ? { monitors } : {}) }),
          store.uptime({ sinceMs: endDay, untilMs, ...(monitors ? { monitors } : {}) }),
        ];
  const sums = new Map<string, UptimeFigure>();
  for (const figures of await Promise.all(parts)) {
    for (const figure of figures) {
      let sum = sums.get(figure.monitor);
      if (!sum) {
        const { startMs: _start, phases: _phases, ...empty } = emptyBucket(figure.monitor, 0);
        sum = empty;
        sums.set(figure.monitor, sum);
      }
      addFigure(sum, figure);
    }
  }
  return [...sums.values()].sort((a, b) => (a.monitor < b.monitor ? -1 : 1));
}
