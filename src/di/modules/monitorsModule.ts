import { ContainerModule } from 'inversify';
import type { SchedulerLike } from 'rxjs';
import { httpCheck } from '../../check/httpCheck.js';
import type { ResolvedMonitorSpec } from '../../config/types.js';
import type { HttpClient } from '../../http/httpClient.js';
import { firstCheckOffset } from '../../monitor/firstCheckOffset.js';
import { HttpMonitor, type Monitor } from '../../monitor/monitor.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds one {@link Monitor} per config entry under `TYPES.Monitor` (multi-injected into the
 * dispatcher). Adding a monitor is a config change, not a code change.
 *
 * @param specs The monitors of the config, in file order.
 * @returns The module.
 */
export function monitorsModule(specs: readonly ResolvedMonitorSpec[]): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const spec of specs) {
      bind<Monitor>(TYPES.Monitor)
        .toDynamicValue((context) => {
          const client = context.get<HttpClient>(TYPES.HttpClient);
          const scheduler = context.get<SchedulerLike>(TYPES.Scheduler);
          return new HttpMonitor(spec, {
            check: (s) => httpCheck(s, client, scheduler),
            offset: firstCheckOffset(spec.name, spec.checkEvery, specs.length),
            scheduler,
          });
        })
        .inSingletonScope();
    }
  });
}
