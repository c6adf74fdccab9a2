/** What the next hop of a redirect sends. */
export interface RedirectStep {
  /** The method of the next request. */
  method: string;
  /** False when the body (and its Content-Type) must be dropped. */
  keepBody: boolean;
}

/**
 * True for the statuses a client follows when the response has a `Location`: 301, 302, 303, 307,
 * 308 (not 300 or 304).
 *
 * @param status The response status.
 * @returns Whether it is a redirect to follow.
 */
export function isFollowableRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * How the next hop is sent, as browsers and curl do: 303 switches to GET (HEAD stays HEAD) without
 * a body; 301 and 302 switch a POST to GET without a body; 307 and 308 keep method and body.
 *
 * ## Example
 * ```ts
 * nextRedirectStep(303, 'PUT');  // { method: 'GET', keepBody: false }
 * nextRedirectStep(302, 'POST'); // { method: 'GET', keepBody: false }
 * nextRedirectStep(307, 'POST'); // { method: 'POST', keepBody: true }
 * ```
 *
 * @param status The redirect status.
 * @param method The method of the request that got it (upper case).
 * @returns The next hop's method and whether it keeps the body.
 */
export function nextRedirectStep(status: number, method: string): RedirectStep {
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return { method: 'GET', keepBody: false };
  if ((status === 301 || status === 302) && method === 'POST') return { method: 'GET', keepBody: false };
  return { method, keepBody: true };
}

/**
 * True when two URLs share scheme, host and port: credentials are only sent again to the same
 * origin (as curl and browsers do).
 *
 * @param a A URL.
 * @param b Another URL.
 * @returns Whether they have the same origin.
 */
export function isSameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}
