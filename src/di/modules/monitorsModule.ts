import { ContainerModule } from 'inversify';
import type { SchedulerLike } from 'rxjs';
import { httpCheck } from '../../check/httpCheck.js';
import type { Config, ResolvedMonitorSpec } from '../../config/types.js';
import type { HttpClient } from '../../http/httpClient.js';
import { CheckGate } from '../../monitor/checkGate.js';
import { firstCheckOffset } from '../../monitor/firstCheckOffset.js';
import { HttpMonitor, type Monitor, type MonitorFactory } from '../../monitor/monitor.js';
import { HeartbeatMonitor } from '../../heartbeat/heartbeatMonitor.js';
import { isHeartbeatSpec } from '../../heartbeat/heartbeatResult.js';
import type { PingHub } from '../../heartbeat/pingHub.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds the check gate, the monitor factory (a {@link HeartbeatMonitor} on the ping hub for a
 * `heartbeat:` spec, an {@link HttpMonitor} otherwise), and one {@link Monitor} per config entry under
 * `TYPES.Monitor` (multi-injected into the dispatcher). Adding a monitor is a config change, not a
 * code change.
 *
 * @param specs The monitors of the config, in file order.
 * @returns The module.
 */
export function monitorsModule(specs: readonly ResolvedMonitorSpec[]): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<CheckGate>(TYPES.CheckGate)
      .toDynamicValue((context) => new CheckGate(context.get<Config>(TYPES.Config).maxConcurrentChecks))
      .inSingletonScope();
    bind<MonitorFactory>(TYPES.MonitorFactory)
      .toDynamicValue((context) => {
        const client = context.get<HttpClient>(TYPES.HttpClient);
        const scheduler = context.get<SchedulerLike>(TYPES.Scheduler);
        const gate = context.get<CheckGate>(TYPES.CheckGate);
        const hub = context.get<PingHub>(TYPES.PingHub);
        return (spec, monitorCount) =>
          isHeartbeatSpec(spec)
            ? new HeartbeatMonitor(spec, { hub, scheduler })
            : new HttpMonitor(spec, {
            check: (s) => httpCheck(s, client, scheduler),
            offset: firstCheckOffset(spec.name, spec.checkEvery, monitorCount),
            scheduler,
            gate,
          });
      })
      .inSingletonScope();
    for (const spec of specs) {
      bind<Monitor>(TYPES.Monitor)
        .toDynamicValue((context) => context.get<MonitorFactory>(TYPES.MonitorFactory)(spec, specs.length))
        .inSingletonScope();
    }
  });
}
