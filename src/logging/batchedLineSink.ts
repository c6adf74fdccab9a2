import type { LineSink } from './lineSink.js';

/** Flush at once beyond this many buffered characters, rather than wait for the next turn. */
const MAX_BATCH_CHARS = 64 * 1024;

/** A {@link LineSink} that buffers, with a way to push what it holds. */
export interface BatchedLineSink extends LineSink {
  /** Writes everything buffered now (on exit, before the process ends). */
  flush(): void;
}

/**
 * Gathers the lines written during one turn of the event loop and hands them to `out` as one
 * write, on the next turn (or at once past 64 KB). At 1,000 log records a second this is one
 * stream write per turn instead of one per record: fewer write requests, callbacks and syscalls
 * in the daemon and fewer wake-ups in whatever reads its stdout. Order is kept.
 *
 * Call {@link BatchedLineSink.flush} before the process exits (the logger does, on `exit`).
 *
 * ## Example
 * ```ts
 * const sink = batchedLineSink(process.stdout);
 * process.once('exit', () => sink.flush());
 * ```
 *
 * @param out Where batches go.
 * @param defer Runs the flush later; default `setImmediate` (after this turn's I/O).
 * @returns The batching sink.
 */
export function batchedLineSink(out: LineSink, defer: (flush: () => void) => unknown = setImmediate): BatchedLineSink {
  let buffered = '';
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (buffered.length === 0) return;
    const batch = buffered;
    buffered = '';
    out.write(batch);
  };
  return {
    write(line: string) {
      buffered += line;
      if (buffered.length >= MAX_BATCH_CHARS) flush();
      else if (!scheduled) {
        scheduled = true;
        defer(flush);
      }
      return true;
    },
    flush,
  };
}
