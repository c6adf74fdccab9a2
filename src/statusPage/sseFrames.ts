import { type OperatorFunction, type SchedulerLike, asyncScheduler, connect, endWith, ignoreElements, interval, map, merge, takeUntil } from 'rxjs';

/** The comment frame {@link sseFrames} sends to keep a stream open. */
export const HEARTBEAT_FRAME = ': heartbeat\n\n';

/**
 * Turns values into Server-Sent Events frames: each value becomes `data: <JSON>\n\n`, and a
 * heartbeat comment is interleaved every `heartbeatMs` until the values end.
 *
 * ```
 * values:       --a---b---|
 * sseFrames(3): --a-h-b-h-|   (a, b: `data: …` frames; h the heartbeat; one frame = 1 ms)
 * ```
 *
 * @param heartbeatMs Heartbeat period, ms. Default 15 s.
 * @param scheduler Where the heartbeat's time comes from. Default `asyncScheduler`.
 * @returns An operator from values to frame strings.
 */
export function sseFrames(heartbeatMs = 15_000, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<unknown, string> {
  return (values$) =>
    values$.pipe(
      map((value) => `data: ${JSON.stringify(value)}\n\n`),
      withHeartbeat(heartbeatMs, scheduler),
    );
}

/**
 * Interleaves a heartbeat comment every `heartbeatMs` into a stream of ready-made SSE frames, until
 * the frames end.
 *
 * ```
 * frames:           --a---b---|
 * withHeartbeat(3): --a-h-b-h-|
 * ```
 *
 * @param heartbeatMs Heartbeat period, ms. Default 15 s.
 * @param scheduler Where the heartbeat's time comes from. Default `asyncScheduler`.
 * @returns An operator from frames to frames.
 */
export function withHeartbeat(heartbeatMs = 15_000, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<string, string> {
  return (frames$) =>
    frames$.pipe(
      connect((data$) =>
        merge(
          data$,
          interval(heartbeatMs, scheduler).pipe(
            map(() => HEARTBEAT_FRAME),
            takeUntil(data$.pipe(ignoreElements(), endWith(true))),
          ),
        ),
      ),
    );
}
