import { formatKeyPath } from './keyPath.js';

/** Where a configuration problem is and what it is. Every part but `problem` is optional. */
export interface ConfigErrorDetails {
  /** The config file as the user gave it (relative paths stay relative). Absent for library specs. */
  readonly file?: string;
  /** 1-based line of the offending key or value. */
  readonly line?: number;
  /** Dotted path of the offending key: `monitors.broken.timeout`, `alerts[0].webhook`. */
  readonly key?: string;
  /** One short line for people: `expected a positive duration`. */
  readonly problem: string;
  /** The underlying error (an fs error, a YAML parser error), for programs; never printed. */
  readonly cause?: unknown;
}

/**
 * A mistake in the configuration: the only error rxmon throws at a user.
 *
 * Its `message` is exactly one line, `file:line: key: problem`, with missing parts left out:
 *
 * ```text
 * bad.yml:5: monitors.broken.timeout: expected a positive duration
 * bad.yml:3: not valid YAML: Missing closing "quote
 * bad.yml: cannot read: no such file
 * timeout: expected a positive duration        (a library MonitorSpec: no file, no line)
 * ```
 *
 * The CLI prints `message` (never a stack trace) to stderr and **exits with code 2** on a
 * `ConfigError`; `--validate` and `--once` do the same. A reload that meets one logs it and keeps the
 * old config. Secrets (`${ENV}` values, passwords, tokens) never appear in the message.
 *
 * ## Example
 * ```ts
 * import { loadConfig, ConfigError } from 'rxmon';
 *
 * try {
 *   await loadConfig('bad.yml');
 * } catch (error) {
 *   if (error instanceof ConfigError) console.error(error.message); // bad.yml:5: monitors.broken.timeout: …
 * }
 * ```
 */
export class ConfigError extends Error {
  /** The config file as the user gave it. */
  readonly file?: string;
  /** 1-based line of the offending key or value. */
  readonly line?: number;
  /** Dotted path of the offending key. */
  readonly key?: string;
  /** What is wrong, one short line. */
  readonly problem: string;

  /**
   * @param details Where the problem is and what it is.
   */
  constructor(details: ConfigErrorDetails) {
    super(formatConfigErrorMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ConfigError';
    this.file = details.file;
    this.line = details.line;
    this.key = details.key;
    this.problem = details.problem;
  }
}

/**
 * The one-line message of a {@link ConfigError}: `file:line: key: problem`, missing parts left out.
 *
 * @param details Where the problem is and what it is.
 * @returns For example `bad.yml:5: monitors.broken.timeout: expected a positive duration`.
 */
export function formatConfigErrorMessage({ file, line, key, problem }: ConfigErrorDetails): string {
  const where = file === undefined ? undefined : line === undefined ? file : `${file}:${line}`;
  return [where, key, problem].filter((part) => part !== undefined && part !== '').join(': ');
}

/**
 * A problem found by validation, before it knows its file and line: the path of the offending key and
 * what is wrong. Callers turn it into a {@link ConfigError}.
 */
export interface KeyProblem {
  /** Path segments: keys and list indexes. */
  readonly path: ReadonlyArray<string | number>;
  readonly problem: string;
  /** True when the key itself is wrong (unknown key), so the key's line is the one to show. */
  readonly atKey?: boolean;
}

/**
 * A {@link ConfigError} for a problem in a library spec (no file, no line), the key in camelCase.
 *
 * @param problem The key path and the problem.
 * @returns The error to throw.
 */
export function configErrorOf(problem: KeyProblem): ConfigError {
  return new ConfigError({ key: formatKeyPath(problem.path) || undefined, problem: problem.problem });
}
