/**
 * Masks the password of a URL's userinfo, so URLs can be logged and reported.
 *
 * Only the password is hidden; the user name stays, so people can still tell which account a
 * monitor uses. The URL is not parsed or normalised: anything that is not `scheme://user:pass@…`
 * comes back unchanged. Like the WHATWG parser, the last `@` before the path ends the userinfo,
 * so a password holding an unencoded `@` is masked whole.
 *
 * ## Example
 * ```ts
 * maskUrl('http://user:secret@example.com/health'); // 'http://user:***@example.com/health'
 * maskUrl('https://example.com/');                  // 'https://example.com/'
 * ```
 *
 * @param url Any URL string.
 * @returns The same string with the password replaced by `***`.
 */
export function maskUrl(url: string): string {
  const at = url.indexOf('@');
  if (at < 0) return url;
  const authorityStart = url.indexOf('://');
  if (authorityStart < 0) return url;
  const hostStart = authorityStart + 3;
  const authorityEnd = endOfAuthority(url, hostStart);
  const userinfoEnd = url.lastIndexOf('@', authorityEnd - 1);
  if (userinfoEnd < hostStart) return url;
  const colon = url.indexOf(':', hostStart);
  if (colon < 0 || colon > userinfoEnd) return url;
  return `${url.slice(0, colon + 1)}***${url.slice(userinfoEnd)}`;
}

/** Index of the first `/`, `?` or `#` at or after `from`, or the string's length. */
function endOfAuthority(url: string, from: number): number {
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2f /* / */ || c === 0x3f /* ? */ || c === 0x23 /* # */) return i;
  }
  return url.length;
}
