import type { ResolvedMonitorSpec } from './types.js';

/** The parts of a spec that many monitors have alike (defaults, mostly). */
const SHARED_PARTS = ['headers', 'tls', 'expect', 'auth', 'heartbeat', 'alerts'] as const;

/** A content key: JSON, with `undefined` members kept apart from absent ones. */
function keyOf(value: object): string {
  return JSON.stringify(value, (_key, member: unknown) => (member === undefined ? '\u0000undefined' : member));
}

/**
 * Canonical instances of spec parts, by content: monitors whose `headers`, `tls`, `expect`,
 * `auth`, `heartbeat` or `alerts` are alike share one object instead of each keeping its own copy
 * (at 50,000 monitors, 20–40 MB per thread that holds the specs). The parts are JSON values, read
 * only; a shared part is the same value, so `isDeepStrictEqual` between specs is unchanged.
 *
 * Parts are held weakly: a part no spec uses any more (after a reload) leaves the table.
 *
 * ## Example
 * ```ts
 * const parts = new SpecParts();
 * const a = parts.spec(specA); // a.expect === parts.spec(specB).expect when they expect alike
 * ```
 */
export class SpecParts {
  private readonly parts = new Map<string, WeakRef<object>>();
  private readonly gone = new FinalizationRegistry<string>((key) => {
    if (this.parts.get(key)?.deref() === undefined) this.parts.delete(key);
  });

  /**
   * Replaces the parts of a spec that is not frozen yet (just resolved, or just received by a
   * worker) by the canonical ones, in place: a copy (`{ ...spec }`) would give every spec a hidden
   * class of its own (~400 bytes each).
   *
   * @param spec A monitor's spec, still mutable.
   * @returns The same spec.
   */
  spec(spec: ResolvedMonitorSpec): ResolvedMonitorSpec {
    const mutable = spec as unknown as Record<string, unknown>;
    for (const part of SHARED_PARTS) {
      const value: unknown = mutable[part];
      if (typeof value === 'object' && value !== null) mutable[part] = this.share(value);
    }
    return spec;
  }

  /**
   * @param value A JSON value (object or array).
   * @returns The first value seen with the same content, or `value` itself.
   */
  share<T extends object>(value: T): T {
    const key = keyOf(value);
    const existing = this.parts.get(key)?.deref();
    if (existing !== undefined) return existing as T;
    this.parts.set(key, new WeakRef(value));
    this.gone.register(value, key);
    return value;
  }
}
