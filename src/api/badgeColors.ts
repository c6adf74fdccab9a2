/** Shields.io's named colours, as the badges use them. */
export const BADGE_COLORS = {
  brightgreen: '#4c1',
  green: '#97ca00',
  yellow: '#dfb317',
  orange: '#fe7d37',
  red: '#e05d44',
  grey: '#9f9f9f',
  lightgrey: '#9f9f9f',
} as const;

/** A colour's shields.io name. */
export type BadgeColor = keyof typeof BADGE_COLORS;

/**
 * The colour of a state badge: up brightgreen, down red, anything else grey.
 *
 * @param state `up`, `down`, `pending`, …
 * @returns The colour's name.
 */
export function stateColor(state: string): BadgeColor {
  return state === 'up' ? 'brightgreen' : state === 'down' ? 'red' : 'grey';
}

/**
 * The colour of an uptime badge, as shields colours uptime: ≥ 99.9 % brightgreen, ≥ 99 % green,
 * ≥ 95 % yellow, ≥ 90 % orange, else red; no checks grey.
 *
 * @param ratio Ok checks over checks, 0 to 1, or `null` with no checks.
 * @returns The colour's name.
 */
export function uptimeColor(ratio: number | null): BadgeColor {
  if (ratio === null) return 'grey';
  const percent = ratio * 100;
  if (percent >= 99.9) return 'brightgreen';
  if (percent >= 99) return 'green';
  if (percent >= 95) return 'yellow';
  if (percent >= 90) return 'orange';
  return 'red';
}

/** Upper bounds (ms, exclusive) of the response-time colours: brightgreen, green, yellow, orange; beyond: red. */
export const RESPONSE_TIME_THRESHOLDS_MS = [200, 500, 1_000, 2_000] as const;

/**
 * The colour of a response-time badge: < 200 ms brightgreen, < 500 ms green, < 1 s yellow, < 2 s
 * orange, else red; no checks grey.
 *
 * @param ms The mean response time, or `null` with no checks.
 * @returns The colour's name.
 */
export function responseTimeColor(ms: number | null): BadgeColor {
  if (ms === null) return 'grey';
  const colors: BadgeColor[] = ['brightgreen', 'green', 'yellow', 'orange'];
  const index = RESPONSE_TIME_THRESHOLDS_MS.findIndex((bound) => ms < bound);
  return index < 0 ? 'red' : colors[index];
}

/**
 * Uptime as badges write it: two decimals, rounded down (99.999 % is not 100 %), trailing zeros
 * dropped: `100%`, `99.95%`, `87.5%`.
 *
 * @param ratio 0 to 1, or `null`.
 * @returns The text, `no data` for `null`.
 */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return 'no data';
  const hundredths = Math.floor(ratio * 10_000 + 1e-9);
  return `${String(hundredths / 100)}%`;
}

/**
 * A response time as badges write it: `87 ms`, `1.24 s`.
 *
 * @param ms Milliseconds, or `null`.
 * @returns The text, `no data` for `null`.
 */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'no data';
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(2)} s`;
}
