import { ContainerModule } from 'inversify';
import type { SchedulerLike } from 'rxjs';
import { httpCheck } from '../../check/httpCheck.js';
import type { Config, ResolvedMonitorSpec } from '../../config/types.js';
import type { HttpClient } from '../../http/httpClient.js';
import { CheckGate } from '../../monitor/checkGate.js';
import { firstCheckOffset } from '../../monitor/firstCheckOffset.js';
import { epochPhaseOffset } from '../../cluster/epochPhase.js';
import { HttpMonitor, type Monitor, type MonitorFactory } from '../../monitor/monitor.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds the check gate, the monitor factory, and one {@link Monitor} per config entry under
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
        // In a cluster a monitor changes hands: its phase is the same on every instance.
        const clustered = context.get<Config>(TYPES.Config).cluster.enabled;
        return (spec, monitorCount) =>
          new HttpMonitor(spec, {
            check: (s) => httpCheck(s, client, scheduler),
            offset: clustered ? epochPhaseOffset(spec.name, spec.checkEvery, scheduler.now()) : firstCheckOffset(spec.name, spec.checkEvery, monitorCount),
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
