import Module from 'node:module';

/** What the process-level hooks saw while they were installed. */
export interface ProcessHooks {
  /** Reasons of unhandled promise rejections. */
  readonly unhandledRejections: unknown[];
  /** Errors that reached `uncaughtException`. */
  readonly uncaughtExceptions: unknown[];
  /** Removes the hooks. */
  remove(): void;
}

/**
 * Installs `unhandledRejection` and `uncaughtException` hooks on the host Node process and records
 * what they see.
 *
 * Under Jest the global `process` is a sandbox copy with its own listeners: the host process never
 * emits on it, so hooks installed there see nothing and a test of them could not fail. The host
 * process is reached through `Module._load('process')` (Jest wraps `require` and `createRequire`,
 * not the loader itself); outside Jest that is the same object as `process`.
 *
 * @returns The records and a `remove()` to call in `afterAll`.
 */
export function installProcessHooks(): ProcessHooks {
  const host = hostProcess();
  const unhandledRejections: unknown[] = [];
  const uncaughtExceptions: unknown[] = [];
  const onRejection = (reason: unknown): void => void unhandledRejections.push(reason);
  const onException = (error: unknown): void => void uncaughtExceptions.push(error);
  host.on('unhandledRejection', onRejection);
  host.on('uncaughtException', onException);
  return {
    unhandledRejections,
    uncaughtExceptions,
    remove() {
      host.off('unhandledRejection', onRejection);
      host.off('uncaughtException', onException);
    },
  };
}

function hostProcess(): NodeJS.Process {
  const loader = (Module as unknown as { _load?: (request: string) => unknown })._load;
  const host = typeof loader === 'function' ? loader('process') : undefined;
  return typeof host === 'object' && host !== null && 'on' in host ? (host as NodeJS.Process) : process;
}
