/** Plain words for the usual `listen` failures. */
const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'address in use',
  EACCES: 'permission denied',
  EADDRNOTAVAIL: 'address not available on this machine',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
};

/**
 * The listener could not start. Its message is the line the CLI prints, such as
 * `cannot listen on 127.0.0.1:9115: address in use`; `code` is the system code (`EADDRINUSE`, …) and
 * `cause` the original error. The CLI exits 1 on it (a start-up failure, not a bad config).
 */
export class ServerStartError extends Error {
  override readonly name = 'ServerStartError';

  /**
   * @param host The host it tried to bind.
   * @param port The port it tried to bind.
   * @param code The system error code, or `UNKNOWN`.
   * @param cause The original error.
   */
  constructor(
    readonly host: string,
    readonly port: number,
    readonly code: string,
    cause: unknown,
  ) {
    const reason = REASONS[code] ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot listen on ${hostPort(host, port)}: ${reason}`, { cause });
  }
}

/**
 * Formats host and port for messages and URLs, bracketing IPv6 literals: `[::1]:9115`.
 *
 * @param host A host name or IP literal.
 * @param port A port.
 * @returns `host:port`.
 */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
