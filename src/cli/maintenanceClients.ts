import { randomUUID } from 'node:crypto';
import { type AdHocWindowView, adHocView } from '../api/maintenanceRoutes.js';
import { type KnownNames, parseTarget } from '../api/maintenanceRequest.js';
import type { AuthSpec } from '../config/types.js';
import type { AdHocWindow, MaintenanceTarget, Store } from '../storage/store.js';

/** How `rxmon maintenance` starts, stops and lists ad hoc windows: through the daemon's API or the store. */
export interface MaintenanceClient {
  /** Where it goes, for messages (`http://127.0.0.1:9115`, `the store`). */
  readonly where: string;
  start(target: MaintenanceTarget, forMs: number, reason?: string): Promise<AdHocWindowView>;
  stop(target: MaintenanceTarget): Promise<number>;
  list(): Promise<AdHocWindowView[]>;
}

/** A failure the CLI prints as one line, with its exit code (2: the input was wrong; 1: the other side). */
export class MaintenanceCallError extends Error {
  override readonly name = 'MaintenanceCallError';
  /**
   * @param message One line.
   * @param exitCode 1 or 2.
   * @param unreachable True when nothing answered (the CLI may fall back to the store).
   */
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly unreachable = false,
  ) {
    super(message);
  }
}

/**
 * The `Authorization` header of `server.auth`.
 *
 * @param auth The credentials.
 * @returns The header value.
 */
export function authorizationOf(auth: AuthSpec): string {
  return 'bearer' in auth ? `Bearer ${auth.bearer}` : `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

/**
 * A client of the daemon's `/api/v1/maintenance` routes (the daemon then sees a change at once).
 *
 * @param base The listener, such as `http://127.0.0.1:9115`.
 * @param auth `server.auth`, if set.
 * @returns The client; a call that reaches nothing throws with `unreachable`.
 */
export function apiMaintenanceClient(base: string, auth: AuthSpec | undefined): MaintenanceClient {
  const headers: Record<string, string> = { accept: 'application/json', ...(auth ? { authorization: authorizationOf(auth) } : {}) };
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new MaintenanceCallError(`cannot reach the daemon at ${base} (${code})`, 1, code === 'ECONNREFUSED');
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    if (response.ok) return answer;
    const problem = answer.error ?? `HTTP ${response.status}`;
    throw new MaintenanceCallError(`${base}: ${problem}`, response.status === 400 || response.status === 404 ? 2 : 1);
  };
  const query = (target: MaintenanceTarget) => ('monitor' in target ? `monitor=${encodeURIComponent(target.monitor)}` : `group=${encodeURIComponent(target.group)}`);
  return {
    where: base,
    start: async (target, forMs, reason) => (await call('POST', '/api/v1/maintenance', { ...target, for: `${forMs}ms`, ...(reason === undefined ? {} : { reason }) })).window,
    stop: async (target) => (await call('DELETE', `/api/v1/maintenance?${query(target)}`)).stopped,
    list: async () => (await call('GET', '/api/v1/maintenance')).adHoc,
  };
}

/**
 * A client that writes the store itself (no daemon listening, or no `server:`): the running
 * daemons see the change at their next poll.
 *
 * @param store The open store.
 * @param known The config's monitors and groups (a start or stop must name one).
 * @param now The clock, ms since the epoch.
 * @returns The client.
 */
export function storeMaintenanceClient(store: Store, known: KnownNames, now: () => number = Date.now): MaintenanceClient {
  const check = (target: MaintenanceTarget): MaintenanceTarget => {
    const checked = parseTarget('monitor' in target ? target.monitor : undefined, 'group' in target ? target.group : undefined, known);
    if (!checked.ok) throw new MaintenanceCallError(checked.problem, 2);
    return checked.target;
  };
  return {
    where: `the ${store.type} store`,
    async start(target, forMs, reason) {
      const startMs = now();
      const window: AdHocWindow = { id: randomUUID(), ...check(target), startMs, endMs: startMs + forMs, ...(reason === undefined ? {} : { reason }), createdMs: startMs };
      await store.addMaintenance(window);
      return adHocView(window);
    },
    stop: (target) => store.stopMaintenance(check(target), now()),
    list: async () => (await store.maintenance(now())).map(adHocView),
  };
}
