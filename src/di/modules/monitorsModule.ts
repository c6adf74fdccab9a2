import { availableParallelism } from 'node:os';
import { ContainerModule } from 'inversify';
import type { SchedulerLike } from 'rxjs';
import { httpCheck } from '../../check/httpCheck.js';
import type { Config, ResolvedMonitorSpec } from '../../config/types.js';
import type { HttpClient } from '../../http/httpClient.js';
import { CheckGate, type CheckLimiter } from '../../monitor/checkGate.js';
import { firstCheckOffset, lateStartOffset } from '../../monitor/firstCheckOffset.js';
import { epochPhaseOffset } from '../../cluster/epochPhase.js';
import { HttpMonitor, type Monitor, type MonitorFactory } from '../../monitor/monitor.js';
import { HeartbeatMonitor } from '../../heartbeat/heartbeatMonitor.js';
import { isHeartbeatSpec } from '../../heartbeat/heartbeatResult.js';
import type { PingHub } from '../../heartbeat/pingHub.js';
import type { Logger } from '../../logging/logger.js';
import { PooledMonitor } from '../../workers/pooledMonitor.js';
import { workerCount } from '../../workers/workerCount.js';
import { WorkerPool } from '../../workers/workerPool.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds the check gate, the monitor factory (a {@link HeartbeatMonitor} on the ping hub for a
 * `heartbeat:` spec, a `PooledMonitor` on a worker thread with `workers:`, an {@link HttpMonitor} otherwise), and one {@link Monitor} per config entry under
 * `TYPES.Monitor` (multi-injected into the dispatcher). Adding a monitor is a config change, not a
 * code change.
 *
 * @param specs The monitors of the config, in file order.
 * @returns The module.
 */
export function monitorsModule(specs: readonly ResolvedMonitorSpec[]): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<CheckLimiter>(TYPES.CheckGate)
      .toDynamicValue((context) => new CheckGate(context.get<Config>(TYPES.Config).maxConcurrentChecks))
      .inSingletonScope();
    bind<number>(TYPES.WorkerCount)
      .toDynamicValue((context) => workerCount(context.get<Config>(TYPES.Config).workers, specs.length, availableParallelism()))
      .inSingletonScope();
    bind<WorkerPool>(TYPES.WorkerPool)
      .toDynamicValue((context) => {
        const logger = context.get<Logger>(TYPES.Logger);
        return new WorkerPool({
          size: context.get<number>(TYPES.WorkerCount),
          config: context.get<Config>(TYPES.Config),
          onCrash: ({ error, ...crash }) =>
            logger.error({ ...crash, ...(error ? { err: error } : {}) }, `monitor worker ${crash.worker} crashed: restarting it with its ${crash.monitors} monitors`),
        });
      })
      .inSingletonScope();
    bind<MonitorFactory>(TYPES.MonitorFactory)
      .toDynamicValue((context) => {
        const client = context.get<HttpClient>(TYPES.HttpClient);
        const scheduler = context.get<SchedulerLike>(TYPES.Scheduler);
        const gate = context.get<CheckLimiter>(TYPES.CheckGate);
        const hub = context.get<PingHub>(TYPES.PingHub);
        const check = (s: ResolvedMonitorSpec) => httpCheck(s, client, scheduler);
        // In a cluster a monitor changes hands: its phase is the same on every instance.
        const clustered = context.get<Config>(TYPES.Config).cluster.enabled;
        // An epoch-aligned phase is absolute; a spread offset counts from when the monitor was started.
        const offsetOf = (spec: ResolvedMonitorSpec, monitorCount: number, lateMs: number) =>
          clustered ? epochPhaseOffset(spec.name, spec.checkEvery, scheduler.now()) : lateStartOffset(firstCheckOffset(spec.name, spec.checkEvery, monitorCount), lateMs);
        // With workers, schedules run on their threads (which apply the same offsets); `--once` (check$)
        // stays on this one. Heartbeat monitors stay here too: their pings arrive on this thread's listener.
        const pool = context.get<number>(TYPES.WorkerCount) > 0 ? context.get<WorkerPool>(TYPES.WorkerPool) : undefined;
        return (spec, monitorCount, lateMs = 0) =>
          isHeartbeatSpec(spec)
            ? new HeartbeatMonitor(spec, { hub, scheduler })
            : pool
              ? new PooledMonitor(spec, pool, monitorCount, check)
              : new HttpMonitor(spec, { check, offset: offsetOf(spec, monitorCount, lateMs), scheduler, gate });
      })
      .inSingletonScope();
    for (const spec of specs) {
      bind<Monitor>(TYPES.Monitor)
        .toDynamicValue((context) => context.get<MonitorFactory>(TYPES.MonitorFactory)(spec, specs.length))
        .inSingletonScope();
    }
  });
}
