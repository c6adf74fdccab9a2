import { isDeepStrictEqual } from 'node:util';
import { type OperatorFunction, defer, mergeMap } from 'rxjs';
import type { ResolvedMonitorSpec } from '../config/types.js';

/**
 * One monitor's change between two configs: `spec` is the new spec (added or changed), or
 * undefined when the monitor was removed.
 */
export interface MonitorChange {
  name: string;
  spec?: ResolvedMonitorSpec;
}

/**
 * Turns a stream of configs' monitor lists into per-monitor changes: an added or changed monitor
 * emits its new spec, a removed one emits `spec: undefined`, and a monitor whose spec did not change
 * emits nothing — so its schedule is kept (no reset, no extra check).
 *
 * ```
 * specs:    a---b---c        a = [x1, y1], b = [x1, y2, z1], c = [y2]
 * changes:  (XY)(YZ)-X       X = {x, x1}, Y = {y, y1} then {y, y2}, Z = {z, z1}; then {x, removed}
 * ```
 *
 * @returns The operator. Each subscription keeps its own previous list.
 */
export function diffMonitorSpecs(): OperatorFunction<readonly ResolvedMonitorSpec[], MonitorChange> {
  return (source$) =>
    defer(() => {
      let previous = new Map<string, ResolvedMonitorSpec>();
      return source$.pipe(
        mergeMap((specs) => {
          const next = new Map(specs.map((spec) => [spec.name, spec]));
          const changes: MonitorChange[] = [];
          for (const name of previous.keys()) {
            if (!next.has(name)) changes.push({ name });
          }
          for (const [name, spec] of next) {
            const before = previous.get(name);
            if (!before || !isDeepStrictEqual(before, spec)) changes.push({ name, spec });
          }
          previous = next;
          return changes;
        }),
      );
    });
}
