import { type Registry, collectDefaultMetrics } from 'prom-client';

/**
 * prom-client's gauges whose names end in `_total`, which `promtool check metrics` rejects
 * ("non-counter metrics should not have _total suffix"). Their per-type twins without the suffix
 * (`nodejs_active_handles{type}`, …) stay: `sum()` over them gives the same totals.
 */
export const LINT_FAILING_PROCESS_METRICS: readonly string[] = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * Adds prom-client's process metrics (`process_*`: CPU, memory, open fds, start time; `nodejs_*`:
 * event-loop lag, heap, GC, version) to `registry`, minus the few that fail promtool's lint.
 *
 * @param registry rxmon's registry.
 */
export function registerProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry });
  for (const name of LINT_FAILING_PROCESS_METRICS) registry.removeSingleMetric(name);
}
