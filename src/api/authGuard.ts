import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuthSpec } from '../config/types.js';
import type { RouteHandler, Routes } from '../server/routes.js';
import { requestUrl } from './handlerEdges.js';
import { sendError } from './sendJson.js';

/** The realm the listener names in `WWW-Authenticate`. */
export const AUTH_REALM = 'rxmon';

/** Options of {@link authGuard}. */
export interface AuthGuardOptions {
  /** `server.auth`: a bearer token, or a username and password (HTTP Basic). */
  auth: AuthSpec;
  /** Paths served without credentials. */
  isPublic: (path: string) => boolean;
}

/**
 * Whether an `Authorization` header carries the configured credentials. Compares SHA-256 digests
 * with `timingSafeEqual` (equal lengths whatever was sent), so the time taken says nothing about
 * the secret; for Basic, both the username and the password are always compared. A pure calculation.
 *
 * @param auth The configured credentials.
 * @param header The request's `Authorization` header.
 * @returns True when they match.
 */
export function hasCredentials(auth: AuthSpec, header: string | undefined): boolean {
  if (header === undefined) return false;
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match) return false;
  const scheme = match[1].toLowerCase();
  if ('bearer' in auth) return scheme === 'bearer' && sameSecret(match[2], auth.bearer);
  if (scheme !== 'basic') return false;
  const decoded = Buffer.from(match[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const userOk = sameSecret(decoded.slice(0, colon), auth.username);
  const passwordOk = sameSecret(decoded.slice(colon + 1), auth.password);
  return userOk && passwordOk;
}

/**
 * Wraps route handlers so that a request without the configured credentials gets a 401 with
 * `WWW-Authenticate: Bearer realm="rxmon"` (or `Basic realm="rxmon", charset="UTF-8"`) and
 * `{ "error": "…" }`; public paths pass. Nothing is logged: neither what was sent nor the secret.
 *
 * ## Example
 * ```ts
 * const guard = authGuard({ auth: { bearer: token }, isPublic: publicPaths({ publicPage: false }) });
 * const routes = { 'GET /metrics': guard(metrics) };
 * ```
 *
 * @param options The credentials and the public paths.
 * @returns A wrapper of handlers.
 */
export function authGuard({ auth, isPublic }: AuthGuardOptions): (handler: RouteHandler) => RouteHandler {
  const challenge = 'bearer' in auth ? `Bearer realm="${AUTH_REALM}"` : `Basic realm="${AUTH_REALM}", charset="UTF-8"`;
  return (handler) => (req, res) => {
    if (isPublic(requestUrl(req).pathname) || hasCredentials(auth, authorization(req))) return handler(req, res);
    const sent = authorization(req) !== undefined;
    sendError(res, 401, sent ? 'invalid credentials' : 'authentication required', { 'WWW-Authenticate': challenge });
  };
}

/**
 * Which paths need no credentials: `/healthz` and the badges always; with `publicPage`, also the
 * status page and everything it serves (any path but `/metrics`, `/-/…` and `/api/…`).
 *
 * @param options `publicPage`: `status_page.public` of the config.
 * @returns The test of a path.
 */
export function publicPaths({ publicPage }: { publicPage: boolean }): (path: string) => boolean {
  return (path) => {
    if (path === '/healthz' || path.startsWith('/badge/')) return true;
    if (!publicPage) return false;
    return !(path === '/metrics' || path.startsWith('/metrics/') || path.startsWith('/-/') || path === '/api' || path.startsWith('/api/'));
  };
}

/**
 * Guards a whole route table (see {@link authGuard}); without `auth`, the table as it is.
 *
 * ## Example
 * ```ts
 * routes: guardRoutes({ ...operationalRoutes(…), ...statusPage.routes, ...apiAndBadgeRoutes({ store, live }) },
 *   { auth: config.server.auth, publicPage: config.statusPage.public }),
 * ```
 *
 * @param routes The routes.
 * @param options `server.auth` (absent: no auth) and `status_page.public`.
 * @returns The guarded routes.
 */
export function guardRoutes(routes: Routes, { auth, publicPage = false }: { auth?: AuthSpec; publicPage?: boolean }): Routes {
  if (auth === undefined) return routes;
  const guard = authGuard({ auth, isPublic: publicPaths({ publicPage }) });
  return Object.fromEntries(Object.entries(routes).map(([key, handler]) => [key, guard(handler)]));
}

function authorization(req: IncomingMessage): string | undefined {
  return req.headers.authorization;
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
