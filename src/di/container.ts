import 'reflect-metadata';
import { Container } from 'inversify';
import type { SecretMask } from '../config/secretMask.js';
import type { Config } from '../config/types.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import type { PingHub } from '../heartbeat/pingHub.js';
import type { HttpClient } from '../http/httpClient.js';
import type { Logger } from '../logging/logger.js';
import type { RxmonMetrics } from '../metrics/createMetrics.js';
import { TYPES } from './identifiers.js';
import { configModule } from './modules/configModule.js';
import { dispatcherModule } from './modules/dispatcherModule.js';
import { heartbeatModule } from './modules/heartbeatModule.js';
import { httpModule } from './modules/httpModule.js';
import { loggerModule } from './modules/loggerModule.js';
import { metricsModule } from './modules/metricsModule.js';
import { monitorsModule } from './modules/monitorsModule.js';
import { schedulerModule } from './modules/schedulerModule.js';

/**
 * The composition root: one container holding config, logger, HTTP client, scheduler, ping hub,
 * every monitor and the dispatcher, each area in its own ContainerModule. Tests `rebind` what they fake before
 * calling {@link composeDaemon}.
 *
 * @param config The loaded config.
 * @param options `shard`: the `i/N` label of this instance's metrics.
 * @returns The container.
 */
export function createContainer(config: Config, { shard }: { shard?: string } = {}): Container {
  const container = new Container();
  container.load(
    configModule(config),
    loggerModule,
    httpModule,
    schedulerModule,
    heartbeatModule,
    monitorsModule(config.monitors),
    dispatcherModule,
    metricsModule(shard),
  );
  return container;
}

/** What the daemon's `main` runs. */
export interface Daemon {
  config: Config;
  logger: Logger;
  dispatcher: Dispatcher;
  metrics: RxmonMetrics;
  /** Secrets never to print; the logger masks them, reloads add to them. */
  secrets: SecretMask;
  /** Where the ping route hands heartbeat pings to their monitors. */
  pingHub: PingHub;
  /** The HTTP adapter the monitors share (the CLI warms it up before the first check). */
  http: HttpClient;
}

/**
 * Resolves the daemon's parts. The only place that calls `container.get`.
 *
 * @param container A container from {@link createContainer}, possibly with test rebinds.
 * @returns The config, logger, dispatcher and metrics.
 */
export function composeDaemon(container: Container): Daemon {
  return {
    config: container.get<Config>(TYPES.Config),
    logger: container.get<Logger>(TYPES.Logger),
    dispatcher: container.get<Dispatcher>(TYPES.Dispatcher),
    metrics: container.get<RxmonMetrics>(TYPES.Metrics),
    secrets: container.get<SecretMask>(TYPES.SecretMask),
    pingHub: container.get<PingHub>(TYPES.PingHub),
    http: container.get<HttpClient>(TYPES.HttpClient),
  };
}
