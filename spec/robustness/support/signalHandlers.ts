import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * Whether a process has a handler installed for a signal, from the `SigCgt` mask of
 * `/proc/<pid>/status` (Linux). Lets a test send a signal exactly when the daemon can catch it
 * (during its start-up) instead of guessing with a sleep.
 *
 * @param pid The process.
 * @param signal The signal's name.
 * @returns True when the signal is caught; false when not, or when the process is gone.
 */
export function catchesSignal(pid: number, signal: NodeJS.Signals): boolean {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return false;
  }
  const mask = /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  if (mask === undefined) return false;
  const number = constants.signals[signal];
  return (BigInt(`0x${mask}`) >> BigInt(number - 1)) % 2n === 1n;
}

/**
 * Resolves once `pid` catches `signal` (polling every 2 ms); rejects after `ms`.
 *
 * @param pid The process.
 * @param signal The signal's name.
 * @param ms How long to wait.
 */
export function waitUntilCatches(pid: number, signal: NodeJS.Signals, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (catchesSignal(pid, signal)) resolve();
      else if (Date.now() > deadline) reject(new Error(`process ${pid} did not install a ${signal} handler within ${ms} ms`));
      else setTimeout(poll, 2);
    };
    poll();
  });
}

/** True on systems with `/proc/<pid>/status` (Linux), where {@link catchesSignal} works. */
export function canReadSignalMasks(): boolean {
  try {
    return /^SigCgt:/m.test(readFileSync('/proc/self/status', 'utf8'));
  } catch {
    return false;
  }
}
