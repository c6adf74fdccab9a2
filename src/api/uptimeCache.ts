import type { Store, UptimeFigure } from '../storage/store.js';
import { uptimeOver } from '../storage/uptimeOver.js';
import { WINDOWS, type UptimeWindow } from './windows.js';

/** How long the figures of one window are served before they are read again, ms. */
export const UPTIME_CACHE_MS = 60_000;

/** Options of {@link UptimeCache}. */
export interface UptimeCacheOptions {
  store: Store;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** How long figures stay fresh, ms. Default {@link UPTIME_CACHE_MS}. */
  maxAgeMs?: number;
}

interface Entry {
  atMs: number;
  figures: ReadonlyMap<string, UptimeFigure>;
}

/**
 * Every monitor's uptime figure per window, read with one `uptimeOver` per window (not one query
 * per monitor) and kept for a minute, so that listing 10,000 monitors costs a few map lookups.
 * Single-flight: concurrent requests share one read. Stale figures are served while the next read
 * runs in the background; only the very first request of a window waits for the store.
 *
 * ## Example
 * ```ts
 * const cache = new UptimeCache({ store });
 * const figures = await cache.figures('30d'); // Map monitor → { checks, ok, … }
 * ```
 */
export class UptimeCache {
  private readonly entries = new Map<UptimeWindow, Entry>();
  private readonly reading = new Map<UptimeWindow, Promise<Entry>>();
  private readonly now: () => number;
  private readonly maxAgeMs: number;

  /** @param options The store, the clock and the time to keep figures. */
  constructor(private readonly options: UptimeCacheOptions) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? UPTIME_CACHE_MS;
  }

  /**
   * @param window The window.
   * @returns Each monitor's figure over the window ending now (a monitor without checks is absent).
   */
  async figures(window: UptimeWindow): Promise<ReadonlyMap<string, UptimeFigure>> {
    const entry = this.entries.get(window);
    if (entry && this.now() - entry.atMs < this.maxAgeMs) return entry.figures;
    const read = this.read(window);
    if (entry) {
      // Stale: answer now, refresh behind (a failed refresh keeps the old figures and tries again next time).
      read.catch(() => undefined);
      return entry.figures;
    }
    return (await read).figures;
  }

  /**
   * @param windows Several windows.
   * @returns Their figures, read in parallel.
   */
  async many<W extends UptimeWindow>(windows: readonly W[]): Promise<Record<W, ReadonlyMap<string, UptimeFigure>>> {
    const maps = await Promise.all(windows.map((window) => this.figures(window)));
    return Object.fromEntries(windows.map((window, index) => [window, maps[index]])) as Record<W, ReadonlyMap<string, UptimeFigure>>;
  }

  private read(window: UptimeWindow): Promise<Entry> {
    let reading = this.reading.get(window);
    if (!reading) {
      const untilMs = this.now();
      reading = uptimeOver(this.options.store, { sinceMs: untilMs - WINDOWS[window], untilMs })
        .then((list) => {
          const entry = { atMs: untilMs, figures: new Map(list.map((figure) => [figure.monitor, figure])) };
          this.entries.set(window, entry);
          return entry;
        })
        .finally(() => this.reading.delete(window));
      this.reading.set(window, reading);
    }
    return reading;
  }
}

/**
 * @param figure A summed figure, or none.
 * @returns `ok / checks`, or `null` with no checks (never NaN).
 */
export function ratioOf(figure: Pick<UptimeFigure, 'checks' | 'ok'> | undefined): number | null {
  return figure && figure.checks > 0 ? figure.ok / figure.checks : null;
}
