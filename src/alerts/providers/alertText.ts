import type { AlertEvent } from '../alertEvents.js';

/**
 * The one-line summary every provider shows: `api is DOWN: connect ECONNREFUSED`, `api is still
 * DOWN: …` for a reminder, `api is UP` when resolved. Secrets are already masked in the result.
 *
 * @param event The alert.
 * @returns The line.
 */
export function alertSummary(event: AlertEvent): string {
  const still = event.reminder ? 'still ' : '';
  const error = event.result.error?.message;
  const reason = event.state === 'down' && error !== undefined && error !== '' ? `: ${error}` : '';
  return `${event.monitor} is ${still}${event.state.toUpperCase()}${reason}`;
}

/**
 * The details under the summary, as name and value: the URL checked (passwords masked), the HTTP
 * status when one arrived, the error code, and since when.
 *
 * @param event The alert.
 * @returns The pairs, in order.
 */
export function alertFacts(event: AlertEvent): Array<[name: string, value: string]> {
  const { result } = event;
  return [
    ['monitor', event.monitor],
    ['url', `${result.method} ${result.url}`],
    ...(result.status === undefined ? [] : [['status', String(result.status)] as [string, string]]),
    ...(event.state === 'down' && result.error !== undefined ? [['error', result.error.code] as [string, string]] : []),
    [event.state === 'down' ? 'down since' : 'up since', event.since],
  ];
}

/**
 * The details as lines, `name: value` each (see {@link alertFacts}).
 *
 * @param event The alert.
 * @returns The lines.
 */
export function alertDetails(event: AlertEvent): string[] {
  return alertFacts(event).map(([name, value]) => `${name}: ${value}`);
}

/**
 * Cuts a text to at most `max` characters (an ellipsis marks the cut): providers limit field sizes.
 *
 * @param text The text.
 * @param max The limit.
 * @returns The text, at most `max` characters.
 */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The key that ties a monitor's alerts together at providers that deduplicate (PagerDuty's
 * `dedup_key`, Opsgenie's `alias`): one per monitor, `rxmon/<monitor>`. A monitor has at most one
 * open incident at a time, so a trigger, its reminders and its resolve share it; the next incident
 * reuses it once the previous one is resolved, which both providers treat as a new incident.
 *
 * @param monitor The monitor's name.
 * @returns The key.
 */
export function incidentKey(monitor: string): string {
  return `rxmon/${monitor}`;
}
