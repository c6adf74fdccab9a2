import type { PhaseTimings } from '../check/checkResult.js';
import type { HopMarks } from './hopMarks.js';

/**
 * Adds up the phases of an exchange (a request and its redirects) on a monotonic clock.
 *
 * The clock starts at the first hop's first network action (`startAt`: the lookup called for a name,
 * the connection attempt for an IP literal; where curl's and blackbox_exporter's phase marks start),
 * else at its `sentAt` (the request handed to the transport), else at construction. Each phase is the gap between
 * consecutive marks, and each hop starts where the previous one ended, so the phases add up exactly to `durationMs`. Time after the last mark a hop reached
 * (a timeout, a failure, reading the body) goes to the phase that was in progress. Marks that did
 * not happen count 0: no DNS for an IP literal, no TLS for http.
 *
 * ## Example
 * ```ts
 * const clock = new PhaseClock();
 * // … one hop on an instrumented socket …
 * clock.endHop(marks, { secure: true, needsDns: true });
 * clock.timings(); // { dnsMs, connectMs, tlsMs, firstByteMs, transferMs }
 * ```
 */
export class PhaseClock {
  /** When the exchange started (`performance.now()`); moved to the first hop's `sentAt` when it has one. */
  startedAt: number;
  private last: number;
  private hops = 0;
  private dns = 0;
  private connect = 0;
  private tls = 0;
  private firstByte = 0;
  private transfer = 0;

  /** @param now The start of the exchange; default `performance.now()`. */
  constructor(now: number = performance.now()) {
    this.startedAt = now;
    this.last = now;
  }

  /**
   * Folds one hop into the totals, from the end of the previous hop (or the start) to `endAt`.
   *
   * @param marks The hop's marks; undefined when the hop never got a socket.
   * @param hop `secure`: https; `needsDns`: the host is a name, not an IP literal.
   * @param endAt When the hop ended; default now.
   */
  endHop(marks: HopMarks | undefined, hop: { secure: boolean; needsDns: boolean }, endAt: number = performance.now()): void {
    const firstAction = marks === undefined ? 0 : marks.startAt > 0 ? marks.startAt : marks.sentAt;
    if (this.hops++ === 0 && firstAction > this.startedAt) {
      // Start at the first network action: axios's and Node's own preparation of the request and
      // its socket before that is not time on the wire.
      this.startedAt = firstAction;
      this.last = firstAction;
    }
    let prev = this.last;
    // Which phase the time after the last reached mark belongs to.
    let open: 'dns' | 'connect' | 'tls' | 'firstByte' | 'transfer' = hop.needsDns ? 'dns' : 'connect';
    if (marks !== undefined) {
      if (marks.lookupAt > 0) {
        this.dns += marks.lookupAt - prev;
        prev = marks.lookupAt;
        open = 'connect';
      }
      if (marks.connectAt > 0) {
        this.connect += marks.connectAt - prev;
        prev = marks.connectAt;
        open = hop.secure ? 'tls' : 'firstByte';
      }
      if (marks.secureAt > 0) {
        this.tls += marks.secureAt - prev;
        prev = marks.secureAt;
        open = 'firstByte';
      }
      if (marks.firstByteAt > 0) {
        this.firstByte += marks.firstByteAt - prev;
        prev = marks.firstByteAt;
        open = 'transfer';
      }
    }
    const rest = Math.max(0, endAt - prev);
    this[open] += rest;
    this.last = Math.max(endAt, prev);
  }

  /** @returns Start to the end of the last hop, ms. */
  durationMs(): number {
    return roundMicros(this.last - this.startedAt);
  }

  /** @returns The phases so far, ms rounded to µs; they add up to {@link durationMs}. */
  timings(): PhaseTimings {
    return {
      dnsMs: roundMicros(this.dns),
      connectMs: roundMicros(this.connect),
      tlsMs: roundMicros(this.tls),
      firstByteMs: roundMicros(this.firstByte),
      transferMs: roundMicros(this.transfer),
    };
  }
}

/** Rounds ms to three decimals (µs): enough precision, readable JSON. */
function roundMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
