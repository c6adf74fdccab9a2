/** The windows the API and the badges answer for, and their length in ms. */
export const WINDOWS = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
  '1y': 365 * 86_400_000,
} as const;

/** A window's name: `1h`, `24h`, `7d`, `30d`, `90d` or `1y`. */
export type UptimeWindow = keyof typeof WINDOWS;

/** The message of a 400 for a window not in {@link WINDOWS}. */
export const WINDOW_PROBLEM = `expected one of ${Object.keys(WINDOWS).join(', ')}`;

/**
 * @param text A window as the client wrote it.
 * @returns The window, or `undefined` when it is not one of {@link WINDOWS}.
 */
export function parseWindow(text: string | null | undefined): UptimeWindow | undefined {
  return text !== null && text !== undefined && Object.hasOwn(WINDOWS, text) ? (text as UptimeWindow) : undefined;
}
