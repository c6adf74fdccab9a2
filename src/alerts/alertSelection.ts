/**
 * Whether a monitor sends to an alert: a monitor without `alerts:` sends to every alert, one with
 * `alerts: [oncall, chat]` only to those (an empty list: to none).
 *
 * @param monitor The monitor's config (`undefined`: a monitor no longer configured — it sends nowhere).
 * @param alertName The alert's name.
 * @returns True when the monitor's changes go to that alert.
 */
export function sendsTo(monitor: { alerts?: readonly string[] } | undefined, alertName: string): boolean {
  if (monitor === undefined) return false;
  return monitor.alerts === undefined || monitor.alerts.includes(alertName);
}
