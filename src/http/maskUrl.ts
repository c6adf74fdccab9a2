/**
 * Masks the credentials of a URL so it can go into a metric label or a log line:
 * `http://user:secret@host/` → `http://user:***@host/`. A lone user part is treated as a token
 * (`https://TOKEN@host/` → `https://***@host/`). The rest of the string is kept exactly as given
 * (no normalization), and masking twice changes nothing.
 *
 * Only the userinfo is masked: secrets in a query string cannot be told from ordinary parameters
 * here: `${ENV}` values there are masked by the daemon's secret mask (`SecretMask`).
 *
 * ## Example
 * ```ts
 * maskUrl('https://bob:hunter2@example.com/health'); // 'https://bob:***@example.com/health'
 * ```
 *
 * @param url A URL, or any string (returned unchanged when it has no `scheme://userinfo@`).
 * @returns The same URL with its password (or lone user part) replaced by `***`.
 */
export function maskUrl(url: string): string {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd < 0) return url;
  const authorityStart = schemeEnd + 3;
  const rest = url.slice(authorityStart);
  const authorityLength = rest.search(/[/?#]/);
  const authority = authorityLength < 0 ? rest : rest.slice(0, authorityLength);
  // Like the WHATWG URL parser: the last '@' of the authority ends the userinfo.
  const at = authority.lastIndexOf('@');
  if (at < 0) return url;
  const userinfo = authority.slice(0, at);
  if (userinfo === '') return url;
  const colon = userinfo.indexOf(':');
  const masked = colon < 0 ? '***' : `${userinfo.slice(0, colon)}:***`;
  return url.slice(0, authorityStart) + masked + url.slice(authorityStart + at);
}
