import type { Store } from '../storage/store.js';

/** Options of {@link UptimeCache}. */
export interface UptimeCacheOptions {
  /** Now, ms since the epoch (a scheduler's `now`). */
  now: () => number;
  /** How old the figures may be before a read refreshes them, ms. Default 10 s. */
  maxAgeMs?: number;
  /** The window, ms. Default 24 h. */
  windowMs?: number;
  /** Told about a store read that failed (the old figures stay). */
  onError?: (error: unknown) => void;
}

/**
 * Every monitor's uptime over the last 24 h, read from the store's hourly buckets in one query and
 * kept for `maxAgeMs`: what the overview's rows and the live deltas show. The page never counts
 * checks itself; the store already does.
 *
 * ## Example
 * ```ts
 * const uptime = new UptimeCache(store, { now: () => scheduler.now() });
 * await uptime.ready();   // at the edge (a route handler)
 * uptime.of('api');       // 0.9995
 * ```
 */
export class UptimeCache {
  private ratios = new Map<string, number>();
  private readAt = Number.NEGATIVE_INFINITY;
  private reading?: Promise<void>;

  /**
   * @param store The store.
   * @param options The clock, the age bound, the window.
   */
  constructor(
    private readonly store: Store,
    private readonly options: UptimeCacheOptions,
  ) {}

  /**
   * @param name A monitor.
   * @returns Its share of ok checks over the window, 0 to 1, or `undefined` with no checks (or before the first read).
   */
  of(name: string): number | undefined {
    return this.ratios.get(name);
  }

  /**
   * Figures to show: resolves at once when some were read before (starting a refresh in the
   * background when they are older than `maxAgeMs`), otherwise once the first read is done.
   *
   * @returns Resolves when {@link of} has something to say (never rejects).
   */
  ready(): Promise<void> {
    const { now, maxAgeMs = 10_000 } = this.options;
    const stale = now() - this.readAt > maxAgeMs;
    if (stale && !this.reading) this.reading = this.read().finally(() => (this.reading = undefined));
    return this.readAt === Number.NEGATIVE_INFINITY && this.reading ? this.reading : Promise.resolve();
  }

  private async read(): Promise<void> {
    const { now, windowMs = 86_400_000, onError } = this.options;
    const untilMs = now();
    try {
      // Up to now + 1 ms: the current hour's bucket counts (it fills as results arrive).
      const figures = await this.store.uptime({ sinceMs: untilMs - windowMs, untilMs: untilMs + 1 });
      this.ratios = new Map(figures.filter((figure) => figure.checks > 0).map((figure) => [figure.monitor, figure.ok / figure.checks]));
    } catch (error) {
      onError?.(error);
    }
    this.readAt = untilMs;
  }
}
