import { ContainerModule } from 'inversify';
import { Dispatcher } from '../../dispatcher/dispatcher.js';
import { TYPES } from '../identifiers.js';

/** Binds the {@link Dispatcher}, which gets every monitor multi-injected. */
export const dispatcherModule = new ContainerModule(({ bind }) => {
  bind<Dispatcher>(TYPES.Dispatcher).to(Dispatcher).inSingletonScope();
});
