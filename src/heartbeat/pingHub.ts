import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Observable, Subject, defer, finalize } from 'rxjs';
import type { Ping } from './ping.js';

/** What became of a ping: handed to its monitor, or refused (the route answers 404 and counts it). */
export type PingOutcome = 'accepted' | 'unknown_monitor' | 'wrong_token';

/** What the ping route needs of the hub. */
export interface PingReceiver {
  /**
   * Hands a ping to the heartbeat monitor of that name when the token is its own.
   *
   * @param name The monitor's name from the path.
   * @param token The token from the path.
   * @param ping What the job said.
   * @returns Whether it was accepted, and why not.
   */
  receive(name: string, token: string, ping: Ping): PingOutcome;
}

interface Listener {
  readonly digest: Buffer;
  readonly pings: Subject<Ping>;
}

/**
 * The registry between the ping route and the heartbeat monitors: a running heartbeat monitor
 * listens under its name and token (a Subject per monitor, registered while its stream is
 * subscribed, so a reload that adds, removes or changes one is seen at once); the route hands
 * pings in. Tokens are kept as SHA-256 digests and compared with `timingSafeEqual` (equal lengths
 * whatever was sent), so the time taken says nothing about the token. It also keeps when each
 * heartbeat monitor last had a result (stored, after a restart), where a new deadline counts from.
 *
 * ## Example
 * ```ts
 * const hub = new PingHub();
 * hub.pings$('backup', token).subscribe((ping) => …); // what the heartbeat monitor does
 * hub.receive('backup', token, { kind: 'success', method: 'POST' }); // 'accepted'
 * ```
 */
export class PingHub implements PingReceiver {
  private readonly listeners = new Map<string, Listener>();
  private readonly lastResults = new Map<string, number>();
  /** Compared against when the name is unknown, so both refusals cost the same. */
  private readonly decoy = sha256(randomBytes(32).toString('hex'));

  /**
   * The pings of one heartbeat monitor. Cold: subscribing registers `name` with `token` (replacing
   * an earlier registration), unsubscribing removes it; until then its pings are refused.
   *
   * @param name The monitor's name.
   * @param token Its token.
   * @returns Its accepted pings; never completes.
   */
  pings$(name: string, token: string): Observable<Ping> {
    return defer(() => {
      const listener: Listener = { digest: sha256(token), pings: new Subject<Ping>() };
      this.listeners.set(name, listener);
      return listener.pings.pipe(
        finalize(() => {
          if (this.listeners.get(name) === listener) this.listeners.delete(name);
        }),
      );
    });
  }

  /** {@inheritDoc PingReceiver.receive} */
  receive(name: string, token: string, ping: Ping): PingOutcome {
    const listener = this.listeners.get(name);
    const same = timingSafeEqual(sha256(token), listener?.digest ?? this.decoy);
    if (listener === undefined) return 'unknown_monitor';
    if (!same) return 'wrong_token';
    listener.pings.next(ping);
    return 'accepted';
  }

  /**
   * Notes a heartbeat monitor's result (the monitor does, for each of its results).
   *
   * @param name The monitor's name.
   * @param atMs The result's time, ms since the epoch.
   */
  noteResult(name: string, atMs: number): void {
    this.lastResults.set(name, atMs);
  }

  /**
   * Takes the last result times of a store at start-up (the store's health tracks).
   *
   * @param snapshots `monitor` and `lastAt` (ISO) of each stored track.
   */
  resume(snapshots: ReadonlyArray<{ monitor: string; lastAt: string }>): void {
    for (const { monitor, lastAt } of snapshots) {
      const atMs = Date.parse(lastAt);
      if (!Number.isNaN(atMs) && !((this.lastResults.get(monitor) ?? -Infinity) > atMs)) this.lastResults.set(monitor, atMs);
    }
  }

  /**
   * @param name A monitor's name.
   * @returns When its last known result was (ms since the epoch), if any.
   */
  lastResultAt(name: string): number | undefined {
    return this.lastResults.get(name);
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
