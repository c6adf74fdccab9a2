import { ContainerModule } from 'inversify';
import type { SchedulerLike } from 'rxjs';
import { httpCheck } from '../../check/httpCheck.js';
import type { Config, ResolvedMonitorSpec } from '../../config/types.js';
import type { HttpClient } from '../../http/httpClient.js';
import { CheckGate } from '../../monitor/checkGate.js';
import { firstCheckOffset } from '../../monitor/firstCheckOffset.js';
import { limitHeapGrowth } from '../../monitor/heapGrowth.js';
import { HttpMonitor, type Monitor, type MonitorFactory } from '../../monitor/monitor.js';
import { TYPES } from '../identifiers.js';

/**
 * From this many monitors on, the daemon limits V8's heap growth ({@link limitHeapGrowth}). Below
 * it the live heap is small enough that V8's default growth stays within a couple of hundred MB,
 * and the default buys throughput: at 3,000 monitors checked flat out, limiting growth cost about
 * a quarter more CPU per check in GC (0.52 → 0.69 ms, bench saturation case).
 */
export const LIMIT_HEAP_GROWTH_FROM = 5_000;

/**
 * Binds the check gate, the monitor factory, and one {@link Monitor} per config entry under
 * `TYPES.Monitor` (multi-injected into the dispatcher). Adding a monitor is a config change, not a
 * code change. With {@link LIMIT_HEAP_GROWTH_FROM} monitors or more, loading it also limits V8's
 * heap growth for the daemon ({@link limitHeapGrowth}).
 *
 * @param specs The monitors of the config, in file order.
 * @returns The module.
 */
export function monitorsModule(specs: readonly ResolvedMonitorSpec[]): ContainerModule {
  return new ContainerModule(({ bind }) => {
    // Many monitors: keep the heap near what is live (see limitHeapGrowth). Process-wide, so it
    // belongs with the daemon's composition; the library never calls it.
    if (specs.length >= LIMIT_HEAP_GROWTH_FROM) limitHeapGrowth();
    bind<CheckGate>(TYPES.CheckGate)
      .toDynamicValue((context) => new CheckGate(context.get<Config>(TYPES.Config).maxConcurrentChecks))
      .inSingletonScope();
    bind<MonitorFactory>(TYPES.MonitorFactory)
      .toDynamicValue((context) => {
        const client = context.get<HttpClient>(TYPES.HttpClient);
        const scheduler = context.get<SchedulerLike>(TYPES.Scheduler);
        const gate = context.get<CheckGate>(TYPES.CheckGate);
        return (spec, monitorCount) =>
          new HttpMonitor(spec, {
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
