import { ContainerModule } from 'inversify';
import type { Config } from '../../config/types.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds the resolved, frozen config as a constant.
 *
 * @param config The loaded config.
 * @returns The module.
 */
export function configModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<Config>(TYPES.Config).toConstantValue(config);
  });
}
