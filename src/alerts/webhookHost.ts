/**
 * The part of a webhook URL that is safe to log: its host (and port). Webhook URLs often carry a
 * token in the path or query, and sometimes credentials; none of that is returned.
 *
 * @param url The webhook URL.
 * @returns `host[:port]`, or `invalid-url` when it does not parse.
 */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host || 'invalid-url';
  } catch {
    return 'invalid-url';
  }
}
