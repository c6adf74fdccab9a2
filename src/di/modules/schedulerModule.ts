import { ContainerModule } from 'inversify';
import { type SchedulerLike, asyncScheduler } from 'rxjs';
import { TYPES } from '../identifiers.js';

/** Binds the RxJS scheduler monitors take their time from (`asyncScheduler`; tests may rebind). */
export const schedulerModule = new ContainerModule(({ bind }) => {
  bind<SchedulerLike>(TYPES.Scheduler).toConstantValue(asyncScheduler);
});
