/** How the monitors of {@link manyMonitorsYaml} are set up. */
export interface ManyMonitorsOptions {
  /** How many monitors. */
  count: number;
  /** The URL of monitor `i` (0-based). */
  urlOf: (index: number) => string;
  /** `check_every` and `timeout` as YAML scalars (`3`, `"500ms"`). */
  checkEvery: string;
  timeout: string;
  /** More keys of monitor `i`'s flow map (`tls: { ca: "/tmp/ca.pem" }`), or undefined for none. */
  extraOf?: (index: number) => string | undefined;
  /** Extra top-level YAML (`max_concurrent_checks: 1000`, a `server:` block), placed before `monitors:`. */
  top?: string;
}

/**
 * The text of a config with many monitors, one flow map per line, named `m00000`, `m00001`, …
 *
 * ## Example
 * ```ts
 * writeTempConfig(manyMonitorsYaml({ count: 1_000, urlOf: (i) => `${silent.url}/${i}`, checkEvery: '3', timeout: '3' }));
 * ```
 *
 * @param options Count, URLs, timing and extra top-level keys.
 * @returns The YAML.
 */
export function manyMonitorsYaml({ count, urlOf, checkEvery, timeout, extraOf, top = '' }: ManyMonitorsOptions): string {
  const lines = [top, 'monitors:'];
  for (let i = 0; i < count; i++) {
    const extra = extraOf?.(i);
    lines.push(`  m${String(i).padStart(5, '0')}: { url: "${urlOf(i)}", check_every: ${checkEvery}, timeout: ${timeout}${extra === undefined ? '' : `, ${extra}`} }`);
  }
  return `${lines.join('\n')}\n`;
}
