/**
 * Child processes of the benchmark: every one is tracked and killed when the benchmark ends, fails or
 * is interrupted (SIGINT/SIGTERM), so no run leaves a daemon, target or exporter behind.
 */
import { fork } from 'node:child_process';

const children = new Set();

/**
 * Tracks a child so that {@link killAll} and the exit hooks end it.
 *
 * @template {import('node:child_process').ChildProcess} C
 * @param {C} child The child.
 * @returns {C} The same child.
 */
export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * Whether a child has exited.
 *
 * @param {import('node:child_process').ChildProcess} child The child.
 * @returns {boolean} True once it exited.
 */
export function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops a child: `signal`, then SIGKILL after `graceMs`.
 *
 * @param {import('node:child_process').ChildProcess} child The child.
 * @param {{ signal?: NodeJS.Signals, graceMs?: number }} [options] Defaults SIGTERM, 3 s.
 * @returns {Promise<{ code: number | null, signal: string | null, ms: number }>} How and how fast it ended.
 */
export function stop(child, { signal = 'SIGTERM', graceMs = 3_000 } = {}) {
  const start = performance.now();
  if (exited(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, ms: performance.now() - start });
    });
    child.kill(signal);
  });
}

/** Kills every tracked child (SIGTERM, SIGKILL after 2 s) and waits for them. */
export async function killAll() {
  await Promise.all([...children].map((child) => stop(child, { graceMs: 2_000 })));
}

/**
 * Installs the hooks that end all children on SIGINT, SIGTERM and process exit.
 *
 * @param {() => void} [onInterrupt] Called once on the first signal, before killing.
 */
export function installCleanup(onInterrupt) {
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) {
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    }
    interrupted = true;
    onInterrupt?.();
    process.stderr.write(`\nbench: ${signal}: stopping ${children.size} child process(es)\n`);
    killAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}

/**
 * Resolves `promise`, or rejects with `what` after `ms`.
 *
 * @template T
 * @param {Promise<T>} promise The awaited thing.
 * @param {number} ms Time limit.
 * @param {string} what For the error message.
 * @returns {Promise<T>} The value.
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits `ms`.
 *
 * @param {number} ms Milliseconds.
 * @returns {Promise<void>} Resolves after it.
 */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Forks a bench helper script with IPC and a request/reply helper over it.
 *
 * @param {string} script Absolute path of the module.
 * @param {string[]} [args] Its arguments.
 * @returns {{ child: import('node:child_process').ChildProcess, request: (cmd: string, extra?: object, ms?: number) => Promise<any>, events: import('node:events').EventEmitter }}
 */
export function forkHelper(script, args = []) {
  const child = track(fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const pending = new Map();
  let nextId = 1;
  child.on('message', (message) => {
    if (message && message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    }
  });
  const request = (cmd, extra = {}, ms = 30_000) => {
    const id = nextId++;
    const reply = new Promise((resolve) => pending.set(id, resolve));
    child.send({ ...extra, id, cmd });
    return withTimeout(reply, ms, `${cmd} from ${script}`);
  };
  return { child, request, events: child };
}

/**
 * Waits for one IPC event `{ ev: name }` from a child.
 *
 * @param {import('node:child_process').ChildProcess} child The child.
 * @param {string} name The event name.
 * @param {number} ms Time limit.
 * @returns {Promise<any>} The message.
 */
export function nextEvent(child, name, ms) {
  let listener;
  let onExit;
  const event = new Promise((resolve, reject) => {
    listener = (message) => {
      if (message && message.ev === name) resolve(message);
    };
    onExit = (code) => reject(new Error(`bench: child exited (${code}) before "${name}"`));
    child.on('message', listener);
    child.once('exit', onExit);
  });
  return withTimeout(event, ms, `event ${name}`).finally(() => {
    child.off('message', listener);
    child.off('exit', onExit);
  });
}
