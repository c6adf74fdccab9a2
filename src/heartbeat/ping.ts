/**
 * What a job said on `/ping/<name>/<token>`: `success` (the bare path), `fail` (`…/fail`) or
 * `start` (`…/start`, which only starts the clock of the job's duration).
 */
export type PingKind = 'success' | 'fail' | 'start';

/** One accepted ping, as the ping hub hands it to its heartbeat monitor. */
export interface Ping {
  kind: PingKind;
  /** The request's method, upper case (`GET`, `POST`, `HEAD`). */
  method: string;
}
