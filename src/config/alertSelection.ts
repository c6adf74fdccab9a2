import { closestKey } from './didYouMean.js';
import type { KeyProblem } from './configError.js';
import { isPlainMap } from './schema/valueSchema.js';
import type { AlertSpec, ResolvedMonitorSpec } from './types.js';

/**
 * Checks each monitor's `alerts: [oncall, chat]` against the names under `alerts:`. An unknown name
 * is a problem at that list item — in the monitor, or in `defaults:` when the list comes from there —
 * with a suggestion when a known name is close: `monitors.api.alerts[1]: unknown alert "chta"
 * (did you mean chat?)`.
 *
 * @param tree The interpolated document (to tell a monitor's own `alerts:` from the default one).
 * @param monitors The resolved monitors.
 * @param alerts The resolved alerts.
 * @returns The problems, in monitor order.
 */
export function alertSelectionProblems(tree: Record<string, unknown>, monitors: readonly ResolvedMonitorSpec[], alerts: readonly AlertSpec[]): KeyProblem[] {
  const names = alerts.map((alert) => alert.name);
  const known = new Set(names);
  const own = isPlainMap(tree.monitors) ? tree.monitors : {};
  const problems: KeyProblem[] = [];
  for (const monitor of monitors) {
    const selected = monitor.alerts ?? [];
    const fromMonitor = isPlainMap(own[monitor.name]) && 'alerts' in (own[monitor.name] as Record<string, unknown>);
    selected.forEach((name, index) => {
      if (known.has(name)) return;
      const path = fromMonitor ? ['monitors', monitor.name, 'alerts', index] : ['defaults', 'alerts', index];
      problems.push({ path, problem: unknownAlert(name, names) });
    });
  }
  return problems;
}

function unknownAlert(name: string, names: readonly string[]): string {
  const shown = JSON.stringify(name.slice(0, 64));
  if (names.length === 0) return `unknown alert ${shown} (no alerts: are configured)`;
  const guess = closestKey(name, names);
  return guess === undefined ? `unknown alert ${shown} (alerts: has ${names.join(', ')})` : `unknown alert ${shown} (did you mean ${guess}?)`;
}
