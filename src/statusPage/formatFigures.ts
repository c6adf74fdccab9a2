/**
 * How the status page writes its numbers. Pure functions; an absent value becomes an em dash.
 */

/** Shown for a value that is not known (yet). */
export const UNKNOWN = '—';

/**
 * An uptime ratio as a percentage, rounded down (so that 99.999 % never shows as 100 %): two
 * decimals from 99 % up, where the nines matter, one below.
 *
 * @param ratio 0 to 1, or `undefined`.
 * @returns Such as `'100%'`, `'99.95%'`, `'75.8%'`, `'50%'`, or `'—'`.
 */
export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return UNKNOWN;
  const hundredths = Math.floor(ratio * 10_000 + 1e-9);
  return hundredths >= 9_900 ? `${hundredths / 100}%` : `${Math.floor(hundredths / 10) / 10}%`;
}

/**
 * A latency.
 *
 * @param ms Milliseconds, or `undefined`.
 * @returns `'123 ms'` below 10 s, `'12.3 s'` above, or `'—'`.
 */
export function formatLatency(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return UNKNOWN;
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Days until a certificate expires.
 *
 * @param days Fractional days (negative once expired), or `undefined`.
 * @returns `'42 days'`, `'1 day'`, `'< 1 day'`, `'expired'`, or `'—'`.
 */
export function formatCertDays(days: number | undefined): string {
  if (days === undefined || !Number.isFinite(days)) return UNKNOWN;
  if (days < 0) return 'expired';
  if (days < 1) return '< 1 day';
  const whole = Math.floor(days);
  return whole === 1 ? '1 day' : `${whole} days`;
}

/**
 * How urgent a certificate's expiry is, for its colour.
 *
 * @param days Fractional days until expiry.
 * @returns `'bad'` when expired or within 7 days, `'warn'` within 21 days, else `'good'`.
 */
export function certUrgency(days: number): 'good' | 'warn' | 'bad' {
  if (days < 7) return 'bad';
  if (days < 21) return 'warn';
  return 'good';
}

/**
 * A check interval.
 *
 * @param ms Milliseconds.
 * @returns `'500 ms'`, `'30 s'`, `'5 min'`, `'1 h'` (whole units where they fit).
 */
export function formatInterval(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${Number((ms / 1000).toFixed(1))} s`;
  if (ms < 3_600_000 || ms % 3_600_000 !== 0) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}

/**
 * The time of day of an instant, in UTC (the server cannot know the reader's zone).
 *
 * @param iso An ISO 8601 instant.
 * @returns `'14:03:27 UTC'`, or the input itself when it is not a date.
 */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(11, 19)} UTC`;
}

/**
 * A length of time, in its two largest units.
 *
 * @param ms Milliseconds.
 * @returns `'45 s'`, `'12 min'`, `'3 h 5 min'`, `'2 d 4 h'`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return UNKNOWN;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/**
 * An instant as date and time of day, in UTC.
 *
 * @param iso An ISO 8601 instant (or ms since the epoch).
 * @returns `'2026-03-01 14:03:27 UTC'`, or the input itself when it is not a date.
 */
export function formatInstant(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
