import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { HOP_MARKS, type HopMarks, type WithHopMarks } from './hopMarks.js';
import { instrumentSocket } from './timingTransport.js';

type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

/** The marks of the connection being created right now (`net.connect` calls `lookup` synchronously). */
let creating: HopMarks | undefined;

/**
 * Wraps an agent's `lookup` so that the lookup starts once Node has set the request up: after the
 * synchronous set-up of the request and its socket and after the ticks it queues (the request taking
 * its socket: the HTTP parser, the `socket` listeners, the request's headers handed to the socket),
 * in a `setImmediate`. That moment is stamped as `startAt` on the marks of the connection being
 * created: a name's first network action, where its clock starts. With the lookup started on the next
 * tick instead, that set-up ran between the lookup and its answer and was counted as `dnsMs`
 * (0.05–0.1 ms at the median on the 2-core machine). An IP literal's `connect(2)` is issued by
 * `net` on the next tick, so there the same set-up runs while the kernel connects.
 *
 * ## Example
 * ```ts
 * const agent = new TimedHttpAgent({ lookup: stampingLookup(createNonBlockingLookup()) });
 * ```
 *
 * @param lookup The lookup to call.
 * @returns The same lookup, deferred until the request is set up, and stamped.
 */
export function stampingLookup(lookup: LookupFunction): LookupFunction {
  return function stamping(hostname, options, callback): void {
    setImmediate(startLookup, lookup, creating, hostname, options, callback);
  } as LookupFunction;
}

function startLookup(lookup: LookupFunction, marks: HopMarks | undefined, ...args: Parameters<LookupFunction>): void {
  if (marks !== undefined && marks.startAt === 0) marks.startAt = performance.now();
  lookup(...args);
}

/**
 * An `http.Agent` whose sockets carry their request's phase marks from birth: `createConnection`
 * finds the {@link HopMarks} that `timingTransport` put in the request options and instruments the
 * socket before `net.connect` can look up or connect, so no event is missed whatever the order of
 * Node's ticks (an IP literal connects on the next tick, before the request's `socket` event).
 * While it creates the socket, a {@link stampingLookup} knows whose lookup starts.
 *
 * ## Example
 * ```ts
 * const agent = new TimedHttpAgent({ keepAlive: false });
 * await axios.get(url, { transport: timingTransport, httpAgent: agent, maxRedirects: 0 });
 * ```
 */
export class TimedHttpAgent extends http.Agent {
  /**
   * @param options As `net.createConnection`'s, plus the request's marks under `HOP_MARKS`.
   * @param callback Node's callback.
   * @returns The instrumented socket.
   */
  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): Duplex | null | undefined {
    return create(options, () => super.createConnection(options, callback));
  }
}

/**
 * The https counterpart of {@link TimedHttpAgent}: its TLS sockets are instrumented as they are made.
 *
 * ## Example
 * ```ts
 * const agent = new TimedHttpsAgent({ keepAlive: false, maxCachedSessions: 0 });
 * ```
 */
export class TimedHttpsAgent extends https.Agent {
  /**
   * @param options As `tls.connect`'s, plus the request's marks under `HOP_MARKS`.
   * @param callback Node's callback.
   * @returns The instrumented TLS socket.
   */
  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback): Duplex | null | undefined {
    return create(options, () => super.createConnection(options, callback));
  }
}

/** Creates the socket with `creating` set to its marks, then instruments it. */
function create(options: object, createSocket: () => Duplex | null | undefined): Duplex | null | undefined {
  const marks = (options as WithHopMarks)[HOP_MARKS];
  creating = marks;
  let socket: Duplex | null | undefined;
  try {
    socket = createSocket();
  } finally {
    creating = undefined;
  }
  if (socket != null) {
    // axios turns TCP keep-alive on for every request's socket (two setsockopt calls per check); a
    // check's connection carries one exchange and closes, long before a keep-alive probe (60 s).
    (socket as Socket).setKeepAlive = keepSocketAsIs;
    if (marks !== undefined) instrumentSocket(socket as Socket, marks);
  }
  return socket;
}

/** `setKeepAlive` of a check's socket: nothing to do (see {@link create}). */
function keepSocketAsIs(this: Socket): Socket {
  return this;
}
