/** The shortest meta refresh period, seconds: faster would only load the server and the reader's phone. */
export const MIN_REFRESH_SECONDS = 5;
/** The longest: even slow monitors' pages refresh at least this often. */
export const MAX_REFRESH_SECONDS = 300;

/**
 * How often the page refreshes without JavaScript: about the shortest check interval, kept between
 * 5 s and 5 min (30 s with no monitors).
 *
 * @param checkEveryMs Each monitor's check interval, ms.
 * @returns Whole seconds.
 */
export function refreshSeconds(checkEveryMs: readonly number[]): number {
  if (checkEveryMs.length === 0) return 30;
  const shortest = checkEveryMs.reduce((a, b) => Math.min(a, b));
  return Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, Math.ceil(shortest / 1000)));
}
