/** Milliseconds per duration unit. */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** One `<number><unit>` part of a duration string, such as `1.5s` or `500ms`. */
const PART = /(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h|d)/y;

/** A bare number in a string, such as `"5"` or `"0.5"`. */
const BARE_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * The longest duration a timer can wait: Node's timers overflow (and fire after 1 ms!) beyond
 * 2^31 - 1 ms, about 24.8 days.
 */
export const MAX_DURATION_MS = 2_147_483_647;

/**
 * Parses a duration into whole milliseconds.
 *
 * Numbers are in `unitlessAs`: seconds in YAML (the original's `timeout: 5`, fractions allowed:
 * `0.5`), milliseconds in the library's camelCase `MonitorSpec`. Strings carry a unit: `ms`, `s`,
 * `m`, `h`, `d`, optionally combined (`"1m30s"`); a string without a unit counts as a number. The
 * result is rounded to whole milliseconds and must be at least 1 ms.
 *
 * ```text
 * parseDuration(5, 's')        → 5000
 * parseDuration(0.5, 's')      → 500
 * parseDuration(500, 'ms')     → 500
 * parseDuration('1.5s', 's')   → 1500
 * parseDuration('1m30s', 's')  → 90000
 * parseDuration('1d', 'ms')    → 86400000
 * parseDuration(0, 's')        → undefined   (zero, negative, NaN, unknown unit: invalid)
 * parseDuration('5 weeks', 's') → undefined
 * ```
 *
 * @param value The raw value (number or string; anything else is invalid).
 * @param unitlessAs What a bare number means: `'s'` (YAML) or `'ms'` (library).
 * @returns Milliseconds, or `undefined` when `value` is not a positive duration.
 */
export function parseDuration(value: unknown, unitlessAs: 's' | 'ms'): number | undefined {
  const ms = typeof value === 'number' ? value * UNIT_MS[unitlessAs] : parseDurationText(value, unitlessAs);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const whole = Math.round(ms);
  return whole >= 1 ? whole : undefined;
}

/**
 * Parses the string form of a duration (see {@link parseDuration}).
 *
 * @param value The raw value.
 * @param unitlessAs What a bare number means.
 * @returns Milliseconds (not yet rounded), or `undefined`.
 */
function parseDurationText(value: unknown, unitlessAs: 's' | 'ms'): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (BARE_NUMBER.test(text)) return Number(text) * UNIT_MS[unitlessAs];
  let total = 0;
  let at = 0;
  while (at < text.length) {
    PART.lastIndex = at;
    const match = PART.exec(text);
    if (match === null) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    at = PART.lastIndex;
    while (text[at] === ' ') at += 1;
  }
  return at === 0 ? undefined : total;
}

/**
 * Formats milliseconds for messages: `500 ms`, `5 s`, `1.5 s`, `90 s`.
 *
 * @param ms A duration in milliseconds.
 * @returns The duration in the unit people read best here.
 */
export function formatDuration(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${ms / 1_000} s`;
}
