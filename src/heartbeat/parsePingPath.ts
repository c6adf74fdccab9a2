import { PING_PREFIX } from '../config/fillHeartbeatDefaults.js';
import { restOfPath } from '../server/routes.js';
import type { PingKind } from './ping.js';

/** A ping path taken apart. */
export interface PingPath {
  name: string;
  token: string;
  kind: PingKind;
}

/**
 * Takes `/ping/<name>/<token>`, `/ping/<name>/<token>/fail` or `/ping/<name>/<token>/start` apart
 * (segments `%xx`-decoded). A pure calculation.
 *
 * ## Example
 * ```ts
 * parsePingPath('/ping/backup/6f1c…/fail'); // { name: 'backup', token: '6f1c…', kind: 'fail' }
 * parsePingPath('/ping/backup');            // undefined
 * ```
 *
 * @param path The request's path, without the query string.
 * @returns The parts, or `undefined` when the path is not a ping path.
 */
export function parsePingPath(path: string): PingPath | undefined {
  const segments = restOfPath(path, PING_PREFIX);
  if (segments === undefined || segments.length < 2 || segments.length > 3) return undefined;
  const [name, token, action] = segments;
  if (name === '' || token === '') return undefined;
  if (action === undefined) return { name, token, kind: 'success' };
  return action === 'fail' || action === 'start' ? { name, token, kind: action } : undefined;
}
