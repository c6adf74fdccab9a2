import { isPlainMap } from './schema/valueSchema.js';

/** Sections merged key by key rather than replaced (same spelling in snake_case and camelCase). */
const MERGED_SECTIONS = ['headers', 'expect', 'tls'] as const;

/**
 * One monitor's raw keys over the raw `defaults:` block: the monitor's keys win; `headers`, `expect`
 * and `tls` merge key by key (a monitor's `expect.status` replaces the default's, its
 * `expect.body_matches` is added to it).
 *
 * ```text
 * defaults: { timeout: 2, headers: { A: a }, expect: { status: [200] } }
 * monitor:  { url: u, headers: { B: b }, expect: { body_matches: ok } }
 * merged:   { timeout: 2, url: u, headers: { A: a, B: b }, expect: { status: [200], body_matches: ok } }
 * ```
 *
 * @param defaults The `defaults:` map (already validated), or `{}`.
 * @param monitor The monitor's map.
 * @returns The merged map, to validate as one monitor.
 */
export function mergeMonitorDefaults(
  defaults: Readonly<Record<string, unknown>>,
  monitor: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults, ...monitor };
  for (const section of MERGED_SECTIONS) {
    const fromDefaults = defaults[section];
    const own = monitor[section];
    if (isPlainMap(fromDefaults) && isPlainMap(own)) {
      // Header names are case-insensitive: the monitor's `authorization` replaces a default `Authorization`.
      const ownNames = new Set(Object.keys(own).map((name) => name.toLowerCase()));
      const inherited =
        section === 'headers'
          ? Object.fromEntries(Object.entries(fromDefaults).filter(([name]) => !ownNames.has(name.toLowerCase())))
          : fromDefaults;
      merged[section] = { ...inherited, ...own };
    }
  }
  return merged;
}
