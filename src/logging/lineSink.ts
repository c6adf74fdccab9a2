/**
 * Where log lines go: anything with `write(line)` (a stream, a batching buffer, a test's array).
 * Its own file so that the logger and the sinks it composes both depend on it, not on each other.
 */
export interface LineSink {
  write(line: string): unknown;
}
