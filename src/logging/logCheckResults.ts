import type { Observable, Subscription } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import { checkMessage } from './checkMessage.js';
import type { Logger } from './logger.js';

/**
 * A sink: one bunyan record per check, its result fields at top level and a one-line `msg`.
 * Level info when ok, warn when failed.
 *
 * @param params `results$` to log and the `logger` to log to.
 * @returns The subscription (it ends with `results$`).
 */
export function logCheckResults({ results$, logger }: { results$: Observable<CheckResult>; logger: Logger }): Subscription {
  return results$.subscribe({
    next(result) {
      if (result.ok) {
        if (logger.info()) logger.info(result, checkMessage(result));
      } else if (logger.warn()) {
        logger.warn(result, checkMessage(result));
      }
    },
  });
}
