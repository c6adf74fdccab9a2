import bunyan from 'bunyan';
import { type SecretMask, createSecretMask } from '../config/secretMask.js';
import type { LogLevel } from '../config/types.js';
import { batchedLineSink } from './batchedLineSink.js';
import type { LineSink } from './lineSink.js';

export type { LineSink } from './lineSink.js';

/** The logger every part of rxmon writes to: a bunyan logger (JSON lines). */
export type Logger = bunyan;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: LogLevel;
  /** Default: process.stdout, written in batches (one write per event-loop turn, flushed on exit). */
  out?: LineSink;
  /** Values never to print (`${ENV}` substitutions, passwords, tokens): replaced by `***`. Reloads add to it. */
  secrets?: SecretMask;
}

/**
 * Wraps a line sink so that no secret value ever reaches it.
 *
 * @param out Where clean lines go.
 * @param secrets The secrets to mask (a growing set: reloads add to it).
 * @returns A sink that masks.
 */
export function redactingSink(out: LineSink, secrets: SecretMask): LineSink {
  return { write: (line: string) => out.write(secrets.mask(line)) };
}

/**
 * Creates the root bunyan logger named `rxmon`, writing one JSON record per line.
 * Pretty output for people: pipe it through the bunyan CLI (`npm start | npx bunyan`).
 *
 * @param options Level, output and secrets to mask.
 * @returns The logger.
 */
export function createLogger({ level, out, secrets = createSecretMask() }: LoggerOptions): Logger {
  return bunyan.createLogger({
    name: 'rxmon',
    level,
    streams: [{ level, type: 'stream', stream: redactingSink(out ?? batchedStdout(), secrets) as NodeJS.WritableStream }],
  });
}

/** process.stdout behind a {@link batchedLineSink}, flushed when the process exits. */
function batchedStdout(): LineSink {
  const sink = batchedLineSink(process.stdout);
  process.once('exit', sink.flush);
  return sink;
}
