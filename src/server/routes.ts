import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers one request. It owns the response and must end it. May be async; a rejection (or a throw)
 * becomes a 500 (or a destroyed socket when the headers were already sent).
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The listener's routes: `'METHOD /path'` (exact path, no query string) → handler. Compose them with
 * spread: `{ ...operationalRoutes(...), 'GET /': statusPage, 'GET /events': events }`.
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
 * ```
 *
 * @param routes The route table.
 * @param method The request's method, upper case.
 * @param path The request's path, without the query string.
 * @returns The handler, or why there is none.
 */
export function findRoute(routes: Routes, method: string, path: string): RouteMatch {
  const lookup = method === 'HEAD' ? 'GET' : method;
  const handler = Object.hasOwn(routes, `${lookup} ${path}`) ? routes[`${lookup} ${path}`] : undefined;
  if (handler) return { kind: 'found', handler };
  const allow = Object.keys(routes)
    .map(parseRouteKey)
    .filter((key) => key !== undefined && key.path === path)
    .map((key) => key!.method);
  if (allow.length === 0) return { kind: 'notFound' };
  if (allow.includes('GET') && !allow.includes('HEAD')) allow.push('HEAD');
  return { kind: 'methodNotAllowed', allow: allow.sort() };
}

function parseRouteKey(key: string): { method: string; path: string } | undefined {
  const space = key.indexOf(' ');
  if (space < 0) return undefined;
  return { method: key.slice(0, space), path: key.slice(space + 1) };
}
