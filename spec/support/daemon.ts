import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built daemon, as `npm start` runs it. */
export const MAIN = join(ROOT, 'dist/main.js');

/** Builds `dist/` when it is missing (`npm test` builds it first anyway). */
export function ensureBuilt(): void {
  if (!existsSync(MAIN)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Kills every daemon a test started and left running (for `afterEach`, so a failed test leaves nothing behind). */
export function killDaemons(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

/**
 * Writes a config file into a fresh temporary directory.
 *
 * @param yaml The file's text.
 * @param name The file name.
 * @returns The file's absolute path.
 */
export function writeTempConfig(yaml: string, name = 'config.yml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'rxmon-'));
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

/** A running daemon process and what it printed. */
export interface RunningDaemon {
  child: ChildProcessWithoutNullStreams;
  /** Parsed stdout JSON lines so far. */
  records: Array<Record<string, any>>;
  /** Raw stdout lines that were not JSON (should stay empty). */
  junk: string[];
  stderr(): string;
  /** Resolves when some record satisfies `predicate` (rejects after `ms`). */
  waitFor(predicate: (records: Array<Record<string, any>>) => boolean, ms?: number): Promise<void>;
  /** Resolves with the exit code (or signal) and the time it took from now. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/**
 * Spawns the built daemon as a user would (`node dist/main.js …`) and collects its JSON lines.
 *
 * @param args Command-line arguments.
 * @param env Extra environment variables.
 * @returns The running daemon.
 */
export function startDaemon(args: string[], env: Record<string, string> = {}): RunningDaemon {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  running.add(child);
  const records: Array<Record<string, any>> = [];
  const junk: string[] = [];
  let stderr = '';
  let pending = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        junk.push(line);
      }
    }
    for (const waiter of waiters) waiter();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  let hasExited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolveExit) =>
    child.on('exit', (code, signal) => {
      hasExited = true;
      resolveExit({ code, signal, at: Date.now() });
      for (const waiter of waiters) waiter();
    }),
  );
  return {
    child,
    records,
    junk,
    stderr: () => stderr,
    waitFor(predicate, ms = 10_000) {
      return new Promise<void>((resolveWait, reject) => {
        const check = () => {
          if (predicate(records)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolveWait();
          } else if (hasExited) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the daemon exited; records: ${JSON.stringify(records.slice(-5))}; stderr: ${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; records: ${JSON.stringify(records.slice(-5))}; stderr: ${stderr}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async exited() {
      const from = Date.now();
      const { code, signal, at } = await exit;
      return { code, signal, afterMs: Math.max(0, at - from) };
    },
  };
}

/**
 * Runs the built daemon to its end and returns what it printed.
 *
 * @param args Command-line arguments.
 * @param env Extra environment variables.
 * @returns Exit code, stdout and stderr.
 */
export async function runDaemon(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolveExit) => child.on('close', (exitCode) => resolveExit(exitCode)));
  return { code, stdout, stderr };
}

/** The check records of one monitor (records that carry `durationMs`). */
export const checksOf = (records: Array<Record<string, any>>, monitor: string) =>
  records.filter((record) => record.monitor === monitor && typeof record.durationMs === 'number');

/** The listener's URL from the `listening on …` record, when it has been logged. */
export const listenUrl = (records: Array<Record<string, any>>) => records.find((record) => /^listening on /.test(record.msg))?.url as string;
