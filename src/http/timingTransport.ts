import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { HOP_MARKS, HopMarks, type WithHopMarks } from './hopMarks.js';

/** The shape axios expects of its `transport` option (what `http`/`https` offer). */
export interface AxiosTransport {
  request(options: RequestOptions, callback?: (res: IncomingMessage) => void): ClientRequest;
}

/**
 * An axios `transport` that is `http.request`/`https.request` plus phase marks: every request gets
 * a {@link HopMarks} (under {@link HOP_MARKS} on the `ClientRequest`, reachable from axios's
 * `response.request` and `error.request`), stamped `sentAt` just before `http(s).request` (the
 * latest moment before the socket is made, where curl starts its clock) and filled from its
 * socket's `connectionAttempt`, `lookup`, `connect`, `secureConnect` and `data` events (first and
 * latest chunk).
 *
 * The marks also ride in the request options (under {@link HOP_MARKS}), so that an agent from
 * `timedAgents` instruments the socket the moment it creates it ({@link instrumentSocket}), before
 * any lookup or connect can happen; with another agent the socket is instrumented on the request's
 * `socket` event. Listeners are prepended, so each mark is taken before Node's own handlers (the
 * HTTP parser, the TLS start, axios's response handling) run for that event.
 *
 * Listeners are shared functions (no closure per request); they find the marks on the socket.
 * Use it with axios's `maxRedirects: 0` (one request per hop) and an agent that opens a fresh
 * connection per request, so every mark belongs to this request.
 *
 * ## Example
 * ```ts
 * const response = await axios.get(url, { transport: timingTransport, maxRedirects: 0 });
 * const marks = (response.request as WithHopMarks)[HOP_MARKS];
 * ```
 */
export const timingTransport: AxiosTransport = {
  request(options, callback) {
    const marks = new HopMarks();
    marks.sentAt = performance.now();
    (options as WithHopMarks)[HOP_MARKS] = marks;
    const req = (options.protocol === 'https:' ? https : http).request(options, callback);
    (req as WithHopMarks)[HOP_MARKS] = marks;
    req.once('socket', onSocket);
    req.once('response', onResponse);
    req.once('error', onRequestError);
    return req;
  },
};

/** `ClientRequest` 'socket': instruments a socket that its agent did not instrument at creation. */
function onSocket(this: ClientRequest, socket: Socket): void {
  if ((socket as WithHopMarks)[HOP_MARKS] === undefined) instrumentSocket(socket, (this as WithHopMarks)[HOP_MARKS] as HopMarks);
}

/**
 * Hangs `marks` on a new socket and listens to its `lookup`, `connect`, `secureConnect` and `data`
 * events, each listener first in line.
 *
 * @param socket The request's socket (plain or TLS), best right after it was created.
 * @param marks The request's marks.
 */
export function instrumentSocket(socket: Socket, marks: HopMarks): void {
  (socket as WithHopMarks)[HOP_MARKS] = marks;
  socket.prependListener('connectionAttempt', onConnectionAttempt);
  socket.prependListener('lookup', onLookup);
  socket.prependListener('connect', onConnect);
  socket.prependListener('secureConnect', onSecureConnect);
  socket.prependListener('data', onData);
}

/**
 * `ClientRequest` 'response' (after axios's own handler): an abort can make axios emit 'error' on
 * the response stream before its reader listens; without a listener that would be thrown.
 */
function onResponse(res: IncomingMessage): void {
  res.on('error', ignore);
}

function ignore(): void {}

/** Keeps the request's first error: axios drops it once the response has resolved. */
function onRequestError(this: ClientRequest, error: unknown): void {
  ((this as WithHopMarks)[HOP_MARKS] as HopMarks).requestError = error;
}

function marksOf(socket: Socket): HopMarks {
  return (socket as WithHopMarks)[HOP_MARKS] as HopMarks;
}

/** `connectionAttempt` (Node ≥ 20.12), just before `connect(2)`: an IP literal's first network action. */
function onConnectionAttempt(this: Socket): void {
  const marks = marksOf(this);
  if (marks.startAt === 0) marks.startAt = performance.now();
}

/** Several `lookup` events come with happy eyeballs (one per address): the first one counts. */
function onLookup(this: Socket, error: Error | null): void {
  const marks = marksOf(this);
  if (error === null && marks.lookupAt === 0) marks.lookupAt = performance.now();
}

function onConnect(this: Socket): void {
  marksOf(this).connectAt = performance.now();
}

/**
 * Only the mark: Node encrypts and sends the request once the `secureConnect` listeners have
 * returned, so any work here would delay the request and be counted as `firstByteMs`. The
 * certificate is read in an immediate ({@link readCertificate}), after the request is on its way.
 */
function onSecureConnect(this: TLSSocket): void {
  marksOf(this).secureAt = performance.now();
  setImmediate(readCertificate, this);
}

/**
 * The leaf certificate's expiry (`getPeerCertificate()` makes a JS object of the whole certificate,
 * 0.05–0.3 ms of CPU): in the same turn of the event loop as the handshake, so always before the
 * response, which needs a round trip to the server.
 */
function readCertificate(socket: TLSSocket): void {
  const validTo = socket.getPeerCertificate()?.valid_to;
  if (validTo) marksOf(socket).certValidTo = Date.parse(validTo);
}

/** Every chunk: the first is the first byte; the latest is where the transfer ended (as curl counts it). */
function onData(this: Socket): void {
  const marks = marksOf(this);
  const now = performance.now();
  if (marks.firstByteAt === 0) marks.firstByteAt = now;
  marks.lastDataAt = now;
}
