import type { CheckError } from '../check/checkResult.js';
import { maskUrl } from './maskUrl.js';

/** Node's TLS certificate error codes that are not prefixed `ERR_TLS_` (kept as Node gives them). */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
]);

/** The fields of the errors Node and axios raise that this module reads. */
interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  reason?: unknown;
}

/**
 * Turns whatever a request failed with into a stable code and one short line for people.
 *
 * System codes (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `EPIPE`, `EAI_AGAIN`, …), TLS codes
 * (`DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_TLS_CERT_ALTNAME_INVALID`, `CERT_HAS_EXPIRED`, …) and
 * llhttp parse errors (`HPE_*`) are kept as Node gives them; an axios wrapper is looked through to
 * its cause. Messages name the host, never credentials.
 *
 * ## Example
 * ```ts
 * describeTransportError(err, new URL('http://127.0.0.1:4321/'));
 * // { code: 'ECONNREFUSED', message: 'connection refused by 127.0.0.1:4321' }
 * ```
 *
 * @param error What was thrown or emitted.
 * @param url The URL of the hop that failed.
 * @returns The failure as a value.
 */
export function describeTransportError(error: unknown, url: URL): CheckError {
  const outer = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const cause = (typeof outer.cause === 'object' && outer.cause !== null ? outer.cause : outer) as ErrorLike;
  const code = stringOr(cause.code, stringOr(outer.code, 'ERR_UNKNOWN'));
  return { code, message: messageFor(code, cause, url) };
}

function messageFor(code: string, error: ErrorLike, url: URL): string {
  const host = url.host;
  const peer = typeof error.address === 'string' && typeof error.port === 'number' ? `${error.address}:${error.port}` : host;
  const text = stringOr(error.message, code);
  const hostname = stringOr(error.hostname, url.hostname);
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${peer}`;
    case 'ENOTFOUND':
      return `host ${hostname} not found (DNS)`;
    case 'EAI_AGAIN':
      return `DNS lookup of ${hostname} failed for now (server did not answer)`;
    case 'ECONNRESET':
      return text === 'socket hang up'
        ? `connection to ${host} closed before a response`
        : `connection to ${host} reset`;
    case 'EPIPE':
      return `connection to ${host} broke while sending the request`;
    case 'ETIMEDOUT':
      return `connection to ${peer} timed out`;
    case 'EHOSTUNREACH':
      return `host ${peer} unreachable`;
    case 'ENETUNREACH':
      return `network unreachable for ${peer}`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate is not valid for ${url.hostname}`;
  }
  if (code.startsWith('HPE_')) return `invalid HTTP response from ${host}: ${oneLine(stringOr(error.reason, text))}`;
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    return `TLS: ${oneLine(text)} (${host})`;
  }
  return oneLine(maskUrl(text));
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

/** First line of a message, at most 200 characters. */
function oneLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/**
 * Whether a hop's failure is the peer closing the connection during the TLS handshake: Node's
 * `ECONNRESET` "socket disconnected before secure TLS connection was established", raised when
 * the connection ends cleanly (FIN) after TCP connected and before `secureConnect`. A real TCP
 * reset comes with `syscall: 'read'` and stays `ECONNRESET`.
 *
 * @param error What the hop failed with (an axios error or its cause).
 * @param handshakeStarted TCP connected over https and TLS did not finish.
 * @returns True for a clean close during the handshake.
 */
export function isHandshakeClose(error: unknown, handshakeStarted: boolean): boolean {
  if (!handshakeStarted || typeof error !== 'object' || error === null) return false;
  const outer = error as ErrorLike & { syscall?: unknown };
  const cause = (typeof outer.cause === 'object' && outer.cause !== null ? outer.cause : outer) as ErrorLike & { syscall?: unknown };
  return cause.code === 'ECONNRESET' && cause.syscall === undefined;
}

/**
 * `TLS_HANDSHAKE_CLOSED`: the server closed the connection during the TLS handshake.
 *
 * @param url The hop's URL.
 * @returns The failure as a value.
 */
export function handshakeClosed(url: URL): CheckError {
  return { code: 'TLS_HANDSHAKE_CLOSED', message: `TLS: ${url.host} closed the connection during the handshake` };
}

/**
 * `INCOMPLETE_BODY`: the connection closed cleanly (no reset) before the body's announced end —
 * fewer bytes than its Content-Length, or a chunked body without its last chunk.
 *
 * ## Example
 * ```ts
 * incompleteBody(5, 10737418240);
 * // { code: 'INCOMPLETE_BODY', message: 'connection closed after 5 of 10737418240 body bytes' }
 * ```
 *
 * @param received Body bytes received.
 * @param contentLength The announced Content-Length; undefined for a chunked body.
 * @returns The failure as a value.
 */
export function incompleteBody(received: number, contentLength: number | undefined): CheckError {
  return {
    code: 'INCOMPLETE_BODY',
    message:
      contentLength === undefined
        ? `connection closed after ${received} body bytes, before the chunked body ended`
        : `connection closed after ${received} of ${contentLength} body bytes`,
  };
}
