import { type Observable, fromEvent, map, merge, take } from 'rxjs';

/** The signals that stop the daemon. */
export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Anything that emits signals like `process` does. */
export interface SignalSource {
  // Method syntax (bivariant) so that `process` fits.
  addListener(event: string, listener: (...args: any[]) => void): this | void;
  removeListener(event: string, listener: (...args: any[]) => void): this | void;
}

/**
 * The first SIGINT or SIGTERM, as a stream: `fromEvent(process, …)` and `take(1)`. Subscribing
 * installs the handlers (so the default exit-on-signal is replaced); the first signal emits its name
 * and completes, removing them.
 *
 * @param source The signal source, `process` by default.
 * @returns One signal name, then complete.
 */
export function shutdownSignal$(source: SignalSource = process): Observable<string> {
  return merge(...SHUTDOWN_SIGNALS.map((signal) => fromEvent(source, signal).pipe(map(() => signal)))).pipe(take(1));
}
