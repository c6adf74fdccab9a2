/** Below this many monitors, `workers: auto` runs every check on the main thread. */
export const AUTO_WORKERS_FROM = 1_000;

/** The most worker threads `workers: auto` starts. */
export const AUTO_WORKERS_MAX = 8;

/**
 * How many worker threads run the checks. `auto`: none for a small config (a worker thread costs
 * about 10 MB and a few ms to start, and a few hundred checks a second fit one thread), else one per
 * core, at most {@link AUTO_WORKERS_MAX}; the main thread keeps logging, storage, metrics, the page.
 * A number is taken as it is (0: the main thread).
 *
 * @param setting `workers:` from the config.
 * @param monitorCount How many monitors the config has.
 * @param cores `os.availableParallelism()`.
 * @returns The number of workers, 0 for none.
 */
export function workerCount(setting: 'auto' | number, monitorCount: number, cores: number): number {
  if (setting !== 'auto') return setting;
  if (monitorCount < AUTO_WORKERS_FROM || cores < 2) return 0;
  return Math.min(cores, AUTO_WORKERS_MAX);
}
