import { isDeepStrictEqual } from 'node:util';
import { type Observable, Subject, concat, debounceTime, filter, lastValueFrom, map, mergeMap, of, share, takeUntil, tap } from 'rxjs';
import { loadConfig } from '../config/loadConfig.js';
import { type ConfigWatcher, watchConfigFiles } from '../config/watchConfigFiles.js';
import type { Config } from '../config/types.js';
import type { Daemon } from '../di/container.js';
import { alertEvents } from '../alerts/alertEvents.js';
import { deliverAlerts } from '../alerts/deliverAlerts.js';
import { createWebhookPoster } from '../alerts/webhookPoster.js';
import { createEmailSender } from '../alerts/emailSender.js';
import { alertHealth } from '../alerts/alertHealth.js';
import { sendsTo } from '../alerts/alertSelection.js';
import { logCheckResults } from '../logging/logCheckResults.js';
import { logStateChanges } from '../logging/logStateChanges.js';
import { logOverload } from '../logging/logOverload.js';
import { overloadReports } from '../operators/overloadReports.js';
import type { MonitorState } from '../operators/health.js';
import { healthSteps } from '../operators/healthSteps.js';
import { persistResults } from '../storage/persistResults.js';
import type { Store } from '../storage/store.js';
import { resumeFromStore } from '../storage/resumeFromStore.js';
import { LiveMonitors } from '../live/liveMonitors.js';
import { recordMetrics } from '../metrics/recordMetrics.js';
import { type RunningServer, startServer } from '../server/startServer.js';
import { operationalRoutes } from '../server/operationalRoutes.js';
import { apiAndBadgeRoutes, guardRoutes } from '../api/index.js';
import { createStatusPage } from '../statusPage/createStatusPage.js';
import { type Shard, inShard } from '../monitor/shard.js';
import { reloadController } from './reloadController.js';
import { maskResultSecrets } from '../check/maskResultSecrets.js';
import { pingRoutes } from '../server/pingRoutes.js';
import { registerHeartbeatMetrics } from '../metrics/heartbeatMetrics.js';
import { followOthers } from '../cluster/followOthers.js';
import { perOwnership } from '../cluster/perOwnership.js';
import { maintenanceRoutes } from '../api/maintenanceRoutes.js';
import { dropDuringMaintenance, maintenanceStreams, markMaintenance, suppressDuringMaintenance, windowView } from '../maintenance/index.js';

/** Overload is reported per window of this many ms. */
const OVERLOAD_WINDOW_MS = 10_000;

/** How long shutdown waits for the last results to reach the store, ms. */
const STORE_DRAIN_MS = 3_000;

/** What {@link runDaemon} needs. */
export interface RunDaemonParams {
  daemon: Daemon;
  /** The open store: results are written to it, and the daemon resumes from it. */
  store: Store;
  /** The config file (re-read on reload). */
  configPath: string;
  env: NodeJS.ProcessEnv;
  shard?: Shard;
  /** Reload when the config file changes. */
  watchConfig: boolean;
  /** The first value stops the daemon. */
  shutdown$: Observable<unknown>;
  /** SIGHUP and friends: each value asks for a reload. */
  reloadSignals$: Observable<unknown>;
}

/**
 * Keeps only this shard's monitors.
 *
 * @param config The loaded config.
 * @param shard The shard, if any.
 * @returns The config to run.
 */
export function forShard(config: Config, shard: Shard | undefined): Config {
  if (!shard) return config;
  return { ...config, monitors: config.monitors.filter((monitor) => inShard(monitor.name, shard)) };
}

/**
 * The long-running daemon: results from the dispatcher feed the sinks (log records, metrics), the
 * optional listener serves `/metrics`, `/healthz` and `POST /-/reload`, and reload requests (SIGHUP,
 * HTTP, `--watch`) swap monitors in place. Resolves when shutdown has finished.
 *
 * @param params The composed daemon and its process edges.
 * @returns Resolves after `Shutdown finished successfully`.
 */
export async function runDaemon({ daemon, store, configPath, env, shard, watchConfig, shutdown$, reloadSignals$ }: RunDaemonParams): Promise<void> {
  const { config, logger, dispatcher, metrics, secrets, pingHub } = daemon;
  let running = false;
  let watcher: ConfigWatcher | undefined;
  let current = config;
  let specsByName = new Map(config.monitors.map((spec) => [spec.name, spec]));

  const reloads = reloadController({ load: async () => forShard(await loadConfig(configPath, env), shard), logger });
  const reloadedSpecs$ = reloads.configs$.pipe(
    map((next) => {
      secrets.add(next.secrets);
      const nextByName = new Map(next.monitors.map((spec) => [spec.name, spec]));
      for (const spec of current.monitors) {
        const after = nextByName.get(spec.name);
        if (!after || !isDeepStrictEqual(after, spec)) metrics.removeMonitor(spec.name);
      }
      metrics.setMonitorCount(next.monitors.length);
      live?.setMonitors(next.monitors);
      maintenance.reload(next.maintenance);
      if (next.log.level !== current.log.level) logger.level(next.log.level);
      watcher?.update(next.includes);
      current = next;
      specsByName = nextByName;
      return next.monitors;
    }),
  );

  // Where each monitor was before a restart: its health track, and for a monitor that was down, the
  // change that made it so (so that no second down alert goes out).
  const resumed = await resumeFromStore({ store, monitors: config.monitors, statusPage: config.server !== undefined, historySize: 1 });
  if (resumed.unavailable !== undefined) {
    logger.warn({ store: store.type, err: { message: resumed.unavailable instanceof Error ? resumed.unavailable.message : String(resumed.unavailable) } }, 'store not readable at start-up: starting without resumed state');
  }
  if (resumed.tracks.length > 0) logger.info({ store: store.type, monitors: resumed.tracks.length, down: resumed.down.length }, 'resumed from the store');
  // A heartbeat monitor's first deadline counts from its last stored result.
  pingHub.resume(resumed.tracks);

  // Cluster: this instance runs the monitors of the slots it owns, and each owner alerts alone.
  const cluster = config.cluster.enabled && config.storage.url !== undefined
    ? // Loaded only for a cluster: it brings the PostgreSQL driver.
      (await import('../cluster/startCluster.js')).startCluster({ spec: config.cluster, url: config.storage.url, store, logger, registry: metrics.registry, flushEvery: config.storage.flushEvery, shutdown$ })
    : undefined;
  const steps$ = cluster?.steps(concat(of(config.monitors), reloadedSpecs$)).pipe(
    tap((step) => step.stopped.forEach((name) => metrics.removeMonitor(name))),
    share(),
  );

  // Maintenance windows: the config's and the store's ad hoc ones (polled, so other instances' count too).
  const maintenance = maintenanceStreams({
    store,
    specs: config.maintenance,
    monitors: () => current.monitors,
    stop$: shutdown$,
    onError: (error) => logger.warn({ err: error }, 'maintenance: reading ad hoc windows from the store failed'),
  });

  // What every monitor is now, for the API and the badges: kept from the daemon's own health updates.
  const live = config.server ? new LiveMonitors(config.monitors) : undefined;
  live?.restore(resumed.tracks, new Map(resumed.pages.flatMap((page) => (page.results.length > 0 ? [[page.monitor, page.results.at(-1)!] as const] : []))));
  const statusPage = live && createStatusPage({ live, store, onError: (error) => logger.warn({ err: error }, 'status page: store read failed') });
  let server: RunningServer | undefined;
  const heartbeatMetrics = registerHeartbeatMetrics(metrics.registry);
  if (config.server) {
    server = await startServer({
      ...config.server,
      routes: {
        ...guardRoutes(
          {
            ...operationalRoutes({ registry: metrics.registry, isRunning: () => running, notReady: () => cluster?.notReady(), reload: () => reloads.request('http') }),
            ...statusPage?.routes,
            ...(live ? apiAndBadgeRoutes({ store, live, onError: (error) => logger.warn({ err: error }, 'API read failed') }) : {}),
            ...(live ? maintenanceRoutes({ store, live, changed: maintenance.refresh, onError: (error) => logger.warn({ err: error }, 'API maintenance call failed') }) : {}),
          },
          { auth: config.server.auth, publicPage: config.statusPage.public },
        ),
        // Jobs authenticate by their heartbeat token, not by server.auth.
        ...pingRoutes({ hub: pingHub, onRejected: (reason) => heartbeatMetrics.rejectedPing(reason) }),
      },
      onError: (error) => logger.error({ err: error }, 'listener error'),
    });
    logger.info({ url: server.url }, `listening on ${server.url}`);
  }

  const results$ = dispatcher.run(shutdown$, steps$ ? steps$.pipe(map((step) => step.specs)) : reloadedSpecs$).pipe(
    map((result) => maskResultSecrets(result, secrets.mask)),
    markMaintenance(maintenance.windows$, (name) => specsByName.get(name)),
    // Once complete, stay complete: a shutdown that came before the start must not start it again per sink.
    share({ resetOnComplete: false }),
  );
  // The daemon eats its own cooking: state changes and alerts come from the library's operators.
  const updates$ = results$.pipe(
    healthSteps({
      defaults: { failureThreshold: 3, successThreshold: 2 },
      thresholdsFor: (name) => specsByName.get(name),
      resume: resumed.tracks,
      ...(steps$ ? { restart$: steps$.pipe(mergeMap((step) => step.started)) } : {}),
    }),
    share(),
  );
  const states$ = updates$.pipe(
    map((update) => update.change),
    filter((change): change is MonitorState => change !== undefined),
    share(),
  );
  const following = live && updates$.subscribe((update) => live.apply(update));
  // Monitors other instances check: their state and latest result come from the store.
  const others = live && cluster && followOthers({ live, store, instanceOf: cluster.instanceOf, me: cluster.instance, rounds$: cluster.rounds$, every: 2 * config.cluster.heartbeatEvery, onError: (error) => logger.warn({ err: error }, 'cluster: store read failed') });
  const maintained = live && maintenance.changes$.subscribe(({ monitor, window }) => live.setMaintenance(monitor, window && windowView(window)));
  const persisted = persistResults({ updates$, store, spec: config.storage, logger, recordStore: (event) => metrics.recordStore(event), stop$: shutdown$ });
  logCheckResults({ results$, logger });
  // Metrics cost CPU and memory per check; keep them only when something can scrape them.
  if (config.server) recordMetrics({ results$, metrics });
  logStateChanges({ states$, logger });
  // Overload says so: a warn line per 10 s in which ticks could not run (and `rxmon_missed_ticks_total`).
  logOverload({ reports$: results$.pipe(overloadReports(OVERLOAD_WINDOW_MS)), logger });
  const post = createWebhookPoster();
  const sendEmail = createEmailSender();
  // Each alert follows the monitors that pick it (`alerts: [...]`, default all), at its own failure_threshold if it sets one.
  const alerts = config.alerts.map((alert) => {
    const picked = (state: MonitorState) => sendsTo(specsByName.get(state.monitor), alert.name);
    const followed$ =
      alert.failureThreshold === undefined
        ? states$
        : results$.pipe(alertHealth({ failureThreshold: alert.failureThreshold, thresholdsFor: (name) => specsByName.get(name), resume: resumed.tracks }));
    return deliverAlerts({
      // In a cluster, each ownership of a monitor continues its open incident (from the store).
      // During maintenance state changes are held (and released after it) and reminders dropped.
      events$: (steps$
        ? perOwnership(steps$, followed$.pipe(filter(picked), suppressDuringMaintenance(maintenance.changes$)), (resume) => alertEvents(alert, undefined, { resume: resume.filter(picked) }))
        : followed$.pipe(filter(picked), suppressDuringMaintenance(maintenance.changes$), alertEvents(alert, undefined, { resume: resumed.down.filter(picked) }))
      ).pipe(dropDuringMaintenance(maintenance.changes$)),
      alert,
      post,
      sendEmail,
      logger,
      mask: secrets.mask,
      recordDelivery: ({ outcome }) => metrics.recordAlertDelivery({ alert: alert.name, type: alert.type, outcome }),
    });
  });
  metrics.setMonitorCount(config.monitors.length);

  const requests = reloadSignals$.pipe(takeUntil(shutdown$)).subscribe(() => void reloads.request('SIGHUP'));
  if (watchConfig) {
    const changes = new Subject<void>();
    // The main file and everything its include: names (directories: editors replace files).
    watcher = watchConfigFiles(configPath, config.includes, () => changes.next());
    changes.pipe(debounceTime(200), takeUntil(shutdown$)).subscribe(() => void reloads.request('watch'));
  }

  running = true;
  try {
    await lastValueFrom(results$, { defaultValue: undefined });
  } finally {
    running = false;
    // What waits for the store is written before the exit (bounded: a store that is away does not hold it).
    await Promise.race([persisted.drained, new Promise((resolve) => setTimeout(resolve, STORE_DRAIN_MS).unref())]);
    persisted.stop();
    // Monitors stopped, results stored: the slots go cleanly (the next owners start at once).
    await cluster?.stop();
    // Alerts still queued or retrying are dropped on shutdown rather than hold the exit.
    for (const subscription of alerts) subscription.unsubscribe();
    requests.unsubscribe();
    watcher?.close();
    statusPage?.stop();
    following?.unsubscribe();
    others?.unsubscribe();
    maintained?.unsubscribe();
    live?.stop();
    await server?.close();
  }
}
