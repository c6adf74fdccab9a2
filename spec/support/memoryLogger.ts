import { createSecretMask } from '../../src/config/secretMask.js';
import { type Logger, createLogger } from '../../src/logging/logger.js';
import type { LogLevel } from '../../src/config/types.js';

/** A bunyan logger writing to memory, and its records parsed. */
export interface MemoryLogger {
  logger: Logger;
  lines: string[];
  records(): Array<Record<string, unknown>>;
}

/**
 * A real bunyan logger (the daemon's own `createLogger`) that writes its JSON lines to an array.
 *
 * @param level The level, info by default.
 * @param secrets Secrets to mask, as in the daemon.
 * @returns The logger and what it wrote.
 */
export function memoryLogger(level: LogLevel = 'info', secrets: string[] = []): MemoryLogger {
  const lines: string[] = [];
  const logger = createLogger({ level, out: { write: (line: string) => lines.push(line) }, secrets: createSecretMask(secrets) });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
