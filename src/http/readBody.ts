import type { IncomingMessage } from 'node:http';

/** What reading a response body came to. */
export interface BodyRead {
  /** What was kept: at most `maxBytes` bytes. */
  body: Buffer;
  /** Body bytes actually received (the chunk that crossed the limit included). */
  bytes: number;
  /** When reading ended (last byte, failure or limit), `performance.now()`. */
  endAt: number;
  /** Why reading stopped early, when it did. */
  failure?: BodyFailure;
}

/** Why a body was not read to its end. */
export type BodyFailure =
  | { kind: 'tooLarge' }
  /** `premature`: the stream closed before its end without an error of its own (the peer closed or reset). */
  | { kind: 'error'; error: unknown; premature: boolean };

const EMPTY = Buffer.alloc(0);

/**
 * Reads a response body as it arrives on the wire (no decoding), keeping at most `maxBytes` in
 * memory. One byte beyond the limit destroys the response (and its socket) at once and ends with
 * `{ kind: 'tooLarge' }`, so an endless body never fills memory. Works the same with and without
 * Content-Length (chunked). Never rejects: a stream error or a premature close ends with
 * `{ kind: 'error' }`, `premature` when the connection closed before the body's end (the caller
 * tells a clean close, `INCOMPLETE_BODY`, from a reset by the request's own error).
 *
 * ## Example
 * ```ts
 * const { body, bytes, failure } = await readBody(res, 1024 * 1024);
 * ```
 *
 * @param res The response stream (paused, unread).
 * @param maxBytes The most body bytes to accept.
 * @returns The bytes kept, the count received, when it ended, and why it stopped early.
 */
export function readBody(res: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (failure?: BodyFailure): void => {
      if (settled) return;
      settled = true;
      const endAt = performance.now();
      res.removeListener('data', onData);
      const body = chunks.length === 0 ? EMPTY : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      resolve(failure === undefined ? { body, bytes, endAt } : { body, bytes, endAt, failure });
    };
    const onData = (chunk: Buffer): void => {
      const kept = bytes;
      bytes += chunk.length;
      if (bytes <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      if (kept < maxBytes) chunks.push(chunk.subarray(0, maxBytes - kept));
      settle({ kind: 'tooLarge' });
      res.destroy();
    };
    res.on('data', onData);
    res.once('end', () => settle());
    res.on('error', (error: unknown) => settle({ kind: 'error', error, premature: isAbortedClose(error) }));
    res.once('close', () => {
      if (!res.complete) settle({ kind: 'error', error: prematureClose(), premature: true });
    });
  });
}

/** Node's error on a response whose connection closed before the body's end: `aborted`, ECONNRESET, no syscall. */
function isAbortedClose(error: unknown): boolean {
  const e = error as { code?: unknown; syscall?: unknown; message?: unknown } | null;
  return typeof e === 'object' && e !== null && e.code === 'ECONNRESET' && e.syscall === undefined && e.message === 'aborted';
}

function prematureClose(): Error {
  return Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
}
