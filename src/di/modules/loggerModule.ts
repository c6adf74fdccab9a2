import { ContainerModule } from 'inversify';
import type { SecretMask } from '../../config/secretMask.js';
import type { Config } from '../../config/types.js';
import { type Logger, createLogger } from '../../logging/logger.js';
import { TYPES } from '../identifiers.js';

/** Binds the root bunyan logger (stdout, `log.level` from the config, secrets masked). */
export const loggerModule = new ContainerModule(({ bind }) => {
  bind<Logger>(TYPES.Logger)
    .toDynamicValue((context) => {
      const config = context.get<Config>(TYPES.Config);
      return createLogger({ level: config.log.level, secrets: context.get<SecretMask>(TYPES.SecretMask) });
    })
    .inSingletonScope();
});
