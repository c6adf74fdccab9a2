import { ContainerModule } from 'inversify';
import type { SchedulerLike } from 'rxjs';
import { TimerHeapScheduler } from '../../monitor/timerHeapScheduler.js';
import { TYPES } from '../identifiers.js';

/**
 * Binds the RxJS scheduler monitors take their time from: a {@link TimerHeapScheduler} per container
 * (the main thread's and each worker's), one Node timer for every monitor's ticks and timeouts.
 * Tests may rebind it (a `TestScheduler`).
 */
export const schedulerModule = new ContainerModule(({ bind }) => {
  bind<SchedulerLike>(TYPES.Scheduler).toConstantValue(new TimerHeapScheduler());
});
