import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Observable, type SchedulerLike, Subject, type Subscription, asyncScheduler, concat, defer, filter, from } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorHistory } from '../storage/resumeFromStore.js';
import { maskUrl as maskUrlPassword } from '../http/maskUrl.js';
import type { Routes } from '../server/routes.js';
import type { MonitorView } from './monitorView.js';
import { refreshSeconds } from './refreshSeconds.js';
import { STATUS_PAGE_CSP, renderStatusPage } from './renderStatusPage.js';
import { sseResponse } from './sseResponse.js';
import { type StatusEvent, checkEvent } from './statusEvents.js';
import { StatusBoard } from './statusBoard.js';
import { statusSteps } from './statusSteps.js';

/**
 * What the previous status page needed (`createStatusPage({ monitors, historySize })`).
 *
 * @deprecated Use {@link StatusPageParams} (`{ live, store }`); this form goes away once the daemon is switched.
 */
export interface LegacyStatusPageParams {
  /** The monitors configured, in the order to show them. */
  monitors: readonly ResolvedMonitorSpec[];
  /** How many checks each monitor's history ring keeps (config `history_size`). */
  historySize: number;
  /** Where time comes from (uptime buckets, heartbeats). Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
  /** Hides credentials in the URLs shown. Default: `maskUrl`. */
  maskUrl?: (url: string) => string;
  /** Heartbeat period of `/events`, ms. Default 15 s. */
  heartbeatMs?: number;
}

/**
 * The previous status page: one card per monitor, in-memory history.
 *
 * @deprecated Use {@link StatusPage}; goes away once the daemon is switched.
 */
export interface LegacyStatusPage {
  /** `GET /` (the page) and `GET /events` (Server-Sent Events): spread them into the listener's routes. */
  readonly routes: Routes;
  /**
   * The sink: records every result of `results$` (once; a second call throws). Until then the page
   * shows every monitor as pending. When `results$` ends, so do the `/events` streams.
   *
   * @param results$ Every check result.
   * @returns The subscription.
   */
  follow(results$: Observable<CheckResult>): Subscription;
  /** Every event as it happens (what `/events` sends after its initial snapshot). */
  readonly events$: Observable<StatusEvent>;
  /**
   * Replaces the monitor list after a reload: unchanged monitors keep their history and state,
   * changed ones start over (pending), removed ones disappear, added ones show as pending.
   */
  setMonitors(specs: readonly ResolvedMonitorSpec[]): void;
  /** After a restart, before `follow`: each monitor's state and recent history from the store. */
  restore(histories: readonly MonitorHistory[]): void;
  /** Every monitor as the page shows it now, in order. */
  views(): MonitorView[];
  /** Stops following `results$` and ends every `/events` response, so shutdown does not wait. */
  stop(): void;
}

/**
 * rxmon's status page: routes that serve what a sink saw of `results$`.
 *
 * For each monitor it keeps a bounded ring of the last `historySize` checks, per-minute uptime
 * buckets for the last hour and day, the last status, latency, error and certificate days, and
 * the state the {@link health} operator decides with the monitor's own thresholds (`pending` until
 * then). Results of monitors not in the list are ignored.
 *
 * `GET /` renders one HTML page on the server (inline CSS, a meta refresh without JavaScript);
 * `GET /events` streams {@link StatusEvent}s as Server-Sent Events: `results$` piped into the
 * response, which the page's small inline script uses to update each monitor in place.
 *
 * The routes exist from the start and `follow` subscribes later, so a daemon can start its listener
 * before its monitors (and all its sinks can subscribe together).
 *
 * ## Example
 * ```ts
 * const statusPage = createStatusPage({ monitors: config.monitors, historySize: config.historySize });
 * const server = await startServer({ port: 9115, routes: { ...operationalRoutes(ops), ...statusPage.routes } });
 * statusPage.follow(results$);
 * // on reload:   statusPage.setMonitors(next.monitors);
 * // on shutdown: statusPage.stop(); await server.close();
 * ```
 *
 * @param params The monitors, the history size, and options.
 * @returns The status page.
 */
export function createLegacyStatusPage({
  monitors,
  historySize,
  scheduler = asyncScheduler,
  maskUrl = maskUrlPassword,
  heartbeatMs,
}: LegacyStatusPageParams): LegacyStatusPage {
  const board = new StatusBoard(historySize, maskUrl);
  board.setMonitors(monitors);
  const restarts$ = new Subject<string>();
  const live$ = new Subject<StatusEvent>();
  const monitorsEvent = (): StatusEvent => ({ type: 'monitors', monitors: board.names() });

  let following: Subscription | undefined;

  const follow = (results$: Observable<CheckResult>): Subscription => {
    if (following) throw new Error('createStatusPage: follow() was already called');
    following = results$
      .pipe(
        filter((result) => board.has(result.monitor)),
        statusSteps({ thresholdsFor: (name) => board.thresholdsFor(name), restarts$ }),
      )
      .subscribe({
        next(step) {
          if (step.kind === 'state') {
            board.decide(step.change.monitor, step.change.state);
            return;
          }
          const view = board.record(step.result, scheduler.now());
          // Rendering costs a little per check: only when someone listens.
          if (!view || !live$.observed) return;
          const event = checkEvent(view, board.states(), historySize);
          if (event) live$.next(event);
        },
        complete: () => live$.complete(),
        error: () => live$.complete(),
      });
    return following;
  };

  // Each client first gets the monitor list and every monitor's latest check, then the live events.
  const clientEvents$ = defer(() => {
    const states = board.states();
    const snapshot = board.views(scheduler.now()).map((view) => checkEvent(view, states, historySize));
    return concat(from([monitorsEvent(), ...snapshot.filter((event) => event !== undefined)]), live$);
  });

  const page = (_req: IncomingMessage, res: ServerResponse) => {
    const html = renderStatusPage({
      views: board.views(scheduler.now()),
      historySize,
      refreshSeconds: refreshSeconds(board.checkIntervals()),
      renderedAt: new Date(scheduler.now()).toISOString(),
    });
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': STATUS_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(html);
  };

  const events = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    sseResponse(res, clientEvents$, { heartbeatMs, scheduler });
  };

  return {
    routes: { 'GET /': page, 'GET /events': events },
    follow,
    events$: live$.asObservable(),
    setMonitors(specs) {
      for (const name of board.setMonitors(specs)) restarts$.next(name);
      live$.next(monitorsEvent());
    },
    restore: (histories) => board.restore(histories),
    views: () => board.views(scheduler.now()),
    stop() {
      following?.unsubscribe();
      live$.complete();
    },
  };
}
