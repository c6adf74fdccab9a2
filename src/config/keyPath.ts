/**
 * Formats a key path the way messages show it: keys joined by dots, list indexes in brackets.
 *
 * ```text
 * ['monitors', 'api', 'timeout']       → monitors.api.timeout
 * ['alerts', 0, 'webhook']             → alerts[0].webhook
 * ['monitors', 'api', 'expect', 'status', 1] → monitors.api.expect.status[1]
 * ```
 *
 * @param path Keys (strings) and list indexes (numbers).
 * @returns The dotted path; `''` for the root.
 */
export function formatKeyPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
