/**
 * What one hop (one request on one fresh connection) went through: its moments on the
 * `performance.now()` clock, its certificate's expiry and its first error. A moment of 0 did not
 * come (no DNS for an IP literal, no TLS for http, or the hop failed before it).
 */
export class HopMarks {
  /** The transport was asked for the request: axios's own preparation is done, the socket is next. */
  sentAt = 0;
  /**
   * The first network action, where the exchange's clock starts: the lookup called (a name), or the
   * first connection attempt (an IP literal, the socket's `connectionAttempt` event, just before the
   * `connect(2)`). Node's own preparation of the request and socket before it is not time on the wire.
   */
  startAt = 0;
  /** The socket's `lookup` event: DNS answered. */
  lookupAt = 0;
  /** The socket's `connect` event: TCP connected. */
  connectAt = 0;
  /** The socket's `secureConnect` event: TLS handshake done. */
  secureAt = 0;
  /** The first response byte arrived on the socket. */
  firstByteAt = 0;
  /** The latest bytes arrived on the socket (the last body byte, once the body is complete). */
  lastDataAt = 0;
  /** The leaf certificate's `valid_to`, epoch ms (https only). */
  certValidTo = 0;
  /**
   * The first error the request emitted. A parse error in the body (`HPE_*`) arrives here, while
   * the response stream only sees the connection close.
   */
  requestError: unknown = undefined;
}

/** Where the transport hangs a hop's {@link HopMarks} on its `ClientRequest` and socket. */
export const HOP_MARKS: unique symbol = Symbol('rxmon.hopMarks');

/** Something carrying hop marks (a `ClientRequest` or a socket the transport instrumented). */
export interface WithHopMarks {
  [HOP_MARKS]?: HopMarks;
}
