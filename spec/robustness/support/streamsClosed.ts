import type { ChildProcess } from 'node:child_process';

/**
 * Resolves when a child process has exited AND its stdio streams have ended (`'close'`), so every
 * line it printed has been read. `'exit'` alone can come before the last stdout chunk.
 * Call it right after spawning, before the child can have closed.
 *
 * @param child The child process.
 * @returns The exit code and signal.
 */
export function streamsClosed(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
}
