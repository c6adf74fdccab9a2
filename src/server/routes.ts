import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers one request. It owns the response and must end it. May be async; a rejection (or a throw)
 * becomes a 500 (or a destroyed socket when the headers were already sent).
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The listener's routes: `'METHOD /path'` (exact path, no query string) → handler, or
 * `'METHOD /prefix/*'`, which answers every deeper path (`/prefix/a`, `/prefix/a/b`; not `/prefix/`
 * itself) and leaves the rest to the handler ({@link restOfPath}). An exact key wins over a
 * prefix, a longer prefix over a shorter one. Compose them with spread:
 * `{ ...operationalRoutes(...), 'GET /': statusPage, 'GET /api/v1/monitors/*': monitor }`.
 */
export type Routes = Readonly<Record<string, RouteHandler>>;

/** What {@link findRoute} found for a request. */
export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler }
  | { kind: 'notFound' }
  /** The path exists with other methods: answer 405 with `Allow: <allow>`. */
  | { kind: 'methodNotAllowed'; allow: readonly string[] };

/**
 * Picks the handler for a method and path. `HEAD` is served by the `GET` route (node sends no body
 * for HEAD). A pure calculation.
 *
 * ## Example
 * ```ts
 * findRoute({ 'GET /metrics': serveMetrics }, 'POST', '/metrics'); // { kind: 'methodNotAllowed', allow: ['GET', 'HEAD'] }
 * findRoute({ 'GET /badge/*': badge }, 'GET', '/badge/web/status.svg'); // { kind: 'found', handler: badge }
 * ```
 *
 * @param routes The route table.
 * @param method The request's method, upper case.
 * @param path The request's path, without the query string.
 * @returns The handler, or why there is none.
 */
export function findRoute(routes: Routes, method: string, path: string): RouteMatch {
  const lookup = method === 'HEAD' ? 'GET' : method;
  if (Object.hasOwn(routes, `${lookup} ${path}`)) return { kind: 'found', handler: routes[`${lookup} ${path}`] };
  const keys = Object.keys(routes)
    .map(parseRouteKey)
    .filter((key) => key !== undefined && matchLength(key.path, path) > 0) as RouteKey[];
  const best = Math.max(0, ...keys.map((key) => matchLength(key.path, path)));
  const matching = keys.filter((key) => matchLength(key.path, path) === best);
  const found = matching.find((key) => key.method === lookup);
  if (found) return { kind: 'found', handler: routes[found.key] };
  const allow = [...new Set(matching.map((key) => key.method))];
  if (allow.length === 0) return { kind: 'notFound' };
  if (allow.includes('GET') && !allow.includes('HEAD')) allow.push('HEAD');
  return { kind: 'methodNotAllowed', allow: allow.sort() };
}

/**
 * The part of a request's path below a prefix route, split at `/` and each segment `%xx`-decoded.
 *
 * ## Example
 * ```ts
 * restOfPath('/api/v1/monitors/my%2Dapi/results', '/api/v1/monitors/'); // ['my-api', 'results']
 * ```
 *
 * @param path The request's path (still encoded), without the query string.
 * @param prefix The route's prefix, ending in `/`.
 * @returns The decoded segments, or `undefined` when the path is not below the prefix or a segment does not decode.
 */
export function restOfPath(path: string, prefix: string): string[] | undefined {
  if (!path.startsWith(prefix) || path.length === prefix.length) return undefined;
  try {
    return path.slice(prefix.length).split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

interface RouteKey {
  key: string;
  method: string;
  path: string;
}

/** How well a key's path matches: exact beats any prefix; 0 is no match. */
function matchLength(keyPath: string, path: string): number {
  if (keyPath === path) return Number.MAX_SAFE_INTEGER;
  if (!keyPath.endsWith('/*')) return 0;
  const prefix = keyPath.slice(0, -1);
  return path.startsWith(prefix) && path.length > prefix.length ? prefix.length : 0;
}

function parseRouteKey(key: string): RouteKey | undefined {
  const space = key.indexOf(' ');
  if (space < 0) return undefined;
  return { key, method: key.slice(0, space), path: key.slice(space + 1) };
}
