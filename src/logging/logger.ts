import bunyan from 'bunyan';
import type { LogLevel } from '../config/types.js';

/** The logger every part of rxmon writes to: a bunyan logger (JSON lines). */
export type Logger = bunyan;

/** Where log lines go: anything with `write(line)`. */
export interface LineSink {
  write(line: string): unknown;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: LogLevel;
  /** Default: process.stdout. */
  out?: LineSink;
  /** Values never to print (`${ENV}` substitutions, passwords, tokens): replaced by `***`. */
  secrets?: readonly string[];
}

/**
 * Wraps a line sink so that no secret value ever reaches it. Secrets shorter than 4 characters are
 * ignored (masking them would mangle ordinary text).
 *
 * @param out Where clean lines go.
 * @param secrets Values to mask.
 * @returns A sink that masks, or `out` itself when there is nothing to mask.
 */
export function redactingSink(out: LineSink, secrets: readonly string[]): LineSink {
  const masked = [...new Set(secrets)]
    .filter((secret) => secret.length >= 4)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  if (masked.length === 0) return out;
  return {
    write(line: string) {
      let clean = line;
      for (const secret of masked) {
        if (clean.includes(secret)) clean = clean.split(secret).join('***');
      }
      return out.write(clean);
    },
  };
}

/**
 * Creates the root bunyan logger named `rxmon`, writing one JSON record per line.
 * Pretty output for people: pipe it through the bunyan CLI (`npm start | npx bunyan`).
 *
 * @param options Level, output and secrets to mask.
 * @returns The logger.
 */
export function createLogger({ level, out = process.stdout, secrets = [] }: LoggerOptions): Logger {
  return bunyan.createLogger({
    name: 'rxmon',
    level,
    streams: [{ level, type: 'stream', stream: redactingSink(out, secrets) as NodeJS.WritableStream }],
  });
}
