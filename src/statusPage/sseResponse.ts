import type { ServerResponse } from 'node:http';
import { type Observable, type SchedulerLike, type Subscription, fromEvent, takeUntil } from 'rxjs';
import { sseFrames, withHeartbeat } from './sseFrames.js';

/** Options of {@link sseResponse}. */
export interface SseOptions {
  /** A comment line every this many ms, so proxies keep an idle stream open. Default 15 s. */
  heartbeatMs?: number;
  /**
   * A client that stopped reading is cut off once this many bytes it has not read wait in its
   * socket's buffer (`res.writableLength`: only what is still unsent, not what it already got). Default 1 MiB.
   */
  maxBufferedBytes?: number;
  /** Where the heartbeat's time comes from. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
}

/**
 * Pipes an Observable into an HTTP response as Server-Sent Events: each value becomes one
 * `data: <JSON>` event (see {@link sseFrames}), with a heartbeat comment every `heartbeatMs`.
 * The subscription lives exactly as long as the client: it is made here, and dropped when the
 * client goes away (the response's `close`). When `events$` completes or errors, the response ends
 * (a browser's `EventSource` then reconnects by itself). A client that stops reading is
 * disconnected rather than buffered without bound. An adapter: the socket side of the pipe.
 *
 * ## Example
 * ```ts
 * import { map } from 'rxjs';
 *
 * const routes = {
 *   'GET /results': (_req, res) => {
 *     sseResponse(res, results$.pipe(map(({ monitor, ok, durationMs }) => ({ monitor, ok, durationMs }))));
 *   },
 * };
 * // curl -N http://127.0.0.1:9115/results
 * // data: {"monitor":"api","ok":true,"durationMs":41}
 * ```
 *
 * @param res The response; its headers must not have been sent.
 * @param events$ What to send; each value is serialised with `JSON.stringify`.
 * @param options Heartbeat period, buffer bound, scheduler.
 * @returns The subscription (unsubscribing it ends the response).
 */
export function sseResponse(res: ServerResponse, events$: Observable<unknown>, options: SseOptions = {}): Subscription {
  return writeFrames(res, events$.pipe(sseFrames(options.heartbeatMs, options.scheduler)), options.maxBufferedBytes);
}

/**
 * Like {@link sseResponse}, for frames that are already SSE text (`id: …\ndata: …\n\n`): a frame
 * can then be built once and the same string written to every client. A heartbeat comment is
 * interleaved every `heartbeatMs`, and a client that stopped reading is cut off the same way.
 *
 * @param res The response; its headers must not have been sent.
 * @param frames$ Ready-made SSE frames.
 * @param options Heartbeat period, buffer bound, scheduler.
 * @returns The subscription (unsubscribing it ends the response).
 */
export function sseStream(res: ServerResponse, frames$: Observable<string>, options: SseOptions = {}): Subscription {
  return writeFrames(res, frames$.pipe(withHeartbeat(options.heartbeatMs, options.scheduler)), options.maxBufferedBytes);
}

function writeFrames(res: ServerResponse, frames$: Observable<string>, maxBufferedBytes = 1_048_576): Subscription {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // nginx: pass events through as they come.
    'X-Accel-Buffering': 'no',
  });
  // How long a browser waits before reconnecting, ms.
  res.write('retry: 3000\n\n');
  const subscription = frames$.pipe(takeUntil(fromEvent(res, 'close'))).subscribe({
    next(frame) {
      // writableLength: what this client has not taken yet (bytes already flushed do not count).
      if (res.writableLength > maxBufferedBytes) res.destroy();
      else res.write(frame);
    },
    error: () => res.end(),
    complete: () => res.end(),
  });
  subscription.add(() => {
    if (!res.writableEnded) res.end();
  });
  return subscription;
}
