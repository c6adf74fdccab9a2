import type { KeyProblem } from './configError.js';
import { closestKey } from './didYouMean.js';
import type { maintenanceEntrySchema } from './schema/maintenanceSchema.js';
import type { MaintenanceSpec, ResolvedMonitorSpec } from './types.js';
import type { z } from 'zod';

/** A checked `maintenance:` entry, before its default name. */
type CheckedEntry = z.output<ReturnType<typeof maintenanceEntrySchema>>;

/**
 * Names each `maintenance:` window (default `maintenance-<n>`, its place in the list) and checks
 * that the monitors and groups it names exist: `maintenance.0.monitors.1: unknown monitor "ap"
 * (did you mean api?)`. A pure calculation.
 *
 * @param entries The checked entries, in file order.
 * @param monitors The resolved monitors.
 * @returns The windows and the problems found (paths inside the config).
 */
export function resolveMaintenance(entries: readonly CheckedEntry[], monitors: readonly ResolvedMonitorSpec[]): { specs: MaintenanceSpec[]; problems: KeyProblem[] } {
  const monitorNames = monitors.map((monitor) => monitor.name);
  const groupNames = [...new Set(monitors.flatMap((monitor) => (monitor.group === undefined ? [] : [monitor.group])))];
  const problems: KeyProblem[] = [];
  const unknown = (kind: string, name: string, known: readonly string[]): string => {
    const close = closestKey(name, known);
    return `unknown ${kind} "${name}"${close === undefined ? '' : ` (did you mean ${close}?)`}`;
  };
  const specs = entries.map((entry, index): MaintenanceSpec => {
    entry.monitors.forEach((name, at) => {
      if (!monitorNames.includes(name)) problems.push({ path: ['maintenance', index, 'monitors', at], problem: unknown('monitor', name, monitorNames) });
    });
    entry.groups.forEach((name, at) => {
      if (!groupNames.includes(name)) problems.push({ path: ['maintenance', index, 'groups', at], problem: unknown('group', name, groupNames) });
    });
    return { ...entry, name: entry.name ?? `maintenance-${index + 1}` } as MaintenanceSpec;
  });
  return { specs, problems };
}
