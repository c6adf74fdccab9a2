/**
 * Runs the rxmon daemon the way a user does: `node dist/main.js --config <file>`, as a child process,
 * reading its JSON log lines from stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exited, stop, track } from './processes.mjs';

/**
 * The built daemon (npm run bench builds it first). `RXMON_BENCH_DAEMON` names another build's
 * `main.js`, to compare two builds side by side on one machine.
 */
export const DAEMON = process.env.RXMON_BENCH_DAEMON ?? fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * Starts the daemon.
 *
 * @param {{ configFile: string, nodeArgs?: string[], onLine?: (line: string) => void }} options
 *   `nodeArgs` go to node before the script (e.g. `--cpu-prof`); `onLine` gets each stdout line.
 *   Without `onLine` stdout is only drained and its lines counted.
 * @returns {{ child: import('node:child_process').ChildProcess, pid: number, spawnedAt: number,
 *   lines: () => number, stderrTail: () => string, stop: () => Promise<{ code: number | null, signal: string | null, ms: number }> }}
 *   `spawnedAt` is epoch ms (sub-ms precision, comparable with the target server's clock).
 */
export function startDaemon({ configFile, nodeArgs = [], onLine }) {
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = track(
    spawn(process.execPath, [...nodeArgs, process.env.RXMON_BENCH_DAEMON ?? DAEMON, '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let lineCount = 0;
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const text = partial ? partial + chunk : chunk;
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      lineCount += 1;
      if (onLine) onLine(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    partial = start === 0 ? text : text.slice(start);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4_000)));
  return {
    child,
    pid: child.pid,
    spawnedAt,
    lines: () => lineCount,
    stderrTail: () => stderr,
    stop: () => stop(child, { signal: 'SIGTERM', graceMs: 5_000 }),
  };
}

/**
 * Throws when the daemon has already exited (a config error, a crash), with its stderr.
 *
 * @param {ReturnType<typeof startDaemon>} daemon The daemon.
 */
export function assertRunning(daemon) {
  if (exited(daemon.child)) {
    throw new Error(`rxmon exited early (code ${daemon.child.exitCode}, signal ${daemon.child.signalCode}):\n${daemon.stderrTail()}`);
  }
}
