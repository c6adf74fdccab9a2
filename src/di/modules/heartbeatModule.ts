import { ContainerModule } from 'inversify';
import { PingHub } from '../../heartbeat/pingHub.js';
import { TYPES } from '../identifiers.js';

/** Binds the {@link PingHub}: one per daemon, shared by the heartbeat monitors and the ping route. */
export const heartbeatModule = new ContainerModule(({ bind }) => {
  bind<PingHub>(TYPES.PingHub)
    .toDynamicValue(() => new PingHub())
    .inSingletonScope();
});
