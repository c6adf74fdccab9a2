import { ContainerModule } from 'inversify';
import { type RxmonMetrics, createMetrics } from '../../metrics/createMetrics.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds rxmon's Prometheus metrics (their own registry).
 *
 * @param shard The `shard` label (`i/N`) when this instance runs one shard.
 * @returns The module.
 */
export function metricsModule(shard?: string): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<RxmonMetrics>(TYPES.Metrics)
      .toDynamicValue(() => createMetrics({ shard }))
      .inSingletonScope();
  });
}
