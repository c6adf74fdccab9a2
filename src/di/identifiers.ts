/**
 * Inversify service identifiers, kept together. The composition root (`container.ts`) is the only
 * place that calls `container.get`.
 */
export const TYPES = {
  /** The resolved, frozen {@link Config}. */
  Config: Symbol.for('rxmon/Config'),
  /** The {@link SecretMask}: values never to print; reloads add to it. */
  SecretMask: Symbol.for('rxmon/SecretMask'),
  /** The root bunyan logger. */
  Logger: Symbol.for('rxmon/Logger'),
  /** The HTTP adapter ({@link HttpClient}). */
  HttpClient: Symbol.for('rxmon/HttpClient'),
  /** Every {@link Monitor}, multi-injected into the dispatcher. */
  Monitor: Symbol.for('rxmon/Monitor'),
  /** Makes a {@link Monitor} for a spec (`MonitorFactory`): at start-up and on reload. */
  MonitorFactory: Symbol.for('rxmon/MonitorFactory'),
  /** rxmon's Prometheus metrics (`RxmonMetrics`). */
  Metrics: Symbol.for('rxmon/Metrics'),
  /** The {@link Dispatcher}. */
  Dispatcher: Symbol.for('rxmon/Dispatcher'),
  /** The {@link CheckGate} bounding checks in flight (`max_concurrent_checks`). */
  CheckGate: Symbol.for('rxmon/CheckGate'),
  /** How many worker threads run the checks (0: the main thread), from `workers:`. */
  WorkerCount: Symbol.for('rxmon/WorkerCount'),
  /** The `WorkerPool` monitors run on when {@link TYPES.WorkerCount} is above 0. */
  WorkerPool: Symbol.for('rxmon/WorkerPool'),
  /** The RxJS scheduler monitors take their time from. */
  Scheduler: Symbol.for('rxmon/Scheduler'),
  /** The {@link PingHub} between the ping route and the heartbeat monitors. */
  PingHub: Symbol.for('rxmon/PingHub'),
} as const;
