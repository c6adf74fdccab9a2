import { ContainerModule } from 'inversify';
import { type SecretMask, createSecretMask } from '../../config/secretMask.js';
import type { Config } from '../../config/types.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds the resolved, frozen config as a constant, and the mask of its secrets.
 *
 * @param config The loaded config.
 * @returns The module.
 */
export function configModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<Config>(TYPES.Config).toConstantValue(config);
    bind<SecretMask>(TYPES.SecretMask).toConstantValue(createSecretMask(config.secrets));
  });
}
