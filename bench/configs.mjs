/**
 * rxmon configurations for each benchmark case, written as YAML files in a temporary directory.
 * Durations are in seconds (numbers), as in the original daemon's config.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A monitor name that sorts and reads well: `m00042`.
 *
 * @param {number} index 0-based.
 * @returns {string} The name.
 */
export const monitorName = (index) => `m${String(index).padStart(5, '0')}`;

/**
 * Writes a config file.
 *
 * @param {string} dir Directory.
 * @param {string} fileName File name.
 * @param {{ level: string, maxConcurrentChecks?: number, defaults: Record<string, number | string>,
 *   monitors: Array<{ name: string, url: string, timeout?: number, checkEvery?: number }>, server?: { port: number },
 *   storage?: Record<string, string | number>, workers?: number | 'auto' }} spec
 * @returns {string} The file's path.
 */
export function writeConfig(dir, fileName, { level, maxConcurrentChecks, defaults, monitors, server, storage, workers }) {
  const lines = [`log:`, `  level: ${level}`];
  if (storage) {
    lines.push(`storage:`);
    for (const [key, value] of Object.entries(storage)) lines.push(`  ${key}: ${JSON.stringify(value)}`);
  }
  if (maxConcurrentChecks !== undefined) lines.push(`max_concurrent_checks: ${maxConcurrentChecks}`);
  if (workers !== undefined) lines.push(`workers: ${workers}`);
  if (server) lines.push(`server:`, `  host: 127.0.0.1`, `  port: ${server.port}`);
  lines.push(`defaults:`);
  for (const [key, value] of Object.entries(defaults)) lines.push(`  ${key}: ${value}`);
  lines.push(`monitors:`);
  for (const monitor of monitors) {
    lines.push(`  ${monitor.name}:`, `    url: ${monitor.url}`);
    if (monitor.timeout !== undefined) lines.push(`    timeout: ${monitor.timeout}`);
    if (monitor.checkEvery !== undefined) lines.push(`    check_every: ${monitor.checkEvery}`);
    if (monitor.caFile !== undefined) lines.push(`    tls:`, `      ca: ${JSON.stringify(monitor.caFile)}`);
  }
  const file = join(dir, fileName);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * `count` monitors all checking the same URL (saturation) or each its own `/m/<name>` (scale).
 *
 * @param {{ count: number, url: (name: string) => string }} spec How many, and each one's URL.
 * @returns {Array<{ name: string, url: string }>} The monitors.
 */
export function uniformMonitors({ count, url }) {
  return Array.from({ length: count }, (_, index) => {
    const name = monitorName(index);
    return { name, url: url(name) };
  });
}
