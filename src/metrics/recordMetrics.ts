import type { Observable, Subscription } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { RxmonMetrics } from './createMetrics.js';

/**
 * A sink: records every check result in `metrics` (see {@link RxmonMetrics.observe}).
 *
 * ## Example
 * ```ts
 * const subscription = recordMetrics({ results$, metrics: createMetrics() });
 * ```
 *
 * @param params `results$` to record and the `metrics` to record them in.
 * @returns The subscription (it ends with `results$`).
 */
export function recordMetrics({ results$, metrics }: { results$: Observable<CheckResult>; metrics: RxmonMetrics }): Subscription {
  return results$.subscribe({
    next(result) {
      metrics.observe(result);
    },
  });
}
