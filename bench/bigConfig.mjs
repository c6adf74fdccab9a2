#!/usr/bin/env node
/**
 * A generated config of many monitors, as people with large fleets write them: `defaults:` with
 * headers, and per monitor a URL, an interval, now and then a timeout, headers, an `expect:` block
 * or a `${ENV}` token. About 90 bytes per monitor (50,000 monitors ≈ 4.5 MB). Used by the
 * "config load" bench phase and spec/config/largeConfig.spec.ts.
 *
 * CLI: `node bench/bigConfig.mjs <count> [file]` writes the YAML to `file` (or stdout). The
 * `${BENCH_TOKEN}` tokens need `BENCH_TOKEN` set when the config is loaded.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The `monitors:` entries of monitors `from` … `to - 1`, as YAML lines indented under `monitors:`.
 *
 * @param {number} from First index.
 * @param {number} to One past the last index.
 * @param {string} baseUrl Where the monitors point (nothing is requested by `--validate`).
 * @returns {string[]} The lines.
 */
export function bigMonitorLines(from, to, baseUrl = 'http://127.0.0.1:9') {
  const lines = [];
  for (let index = from; index < to; index += 1) {
    const name = `svc-${String(index).padStart(6, '0')}`;
    lines.push(`  ${name}:`, `    url: ${baseUrl}/health/${name}`, `    check_every: ${30 + (index % 4) * 15}`);
    if (index % 3 === 0) lines.push(`    timeout: ${2 + (index % 5)}s`);
    if (index % 7 === 0) lines.push(`    headers: { X-Service: ${name} }`);
    if (index % 11 === 0) lines.push(`    expect: { status: [200, "300-399"], max_response_time: 800 }`);
    if (index % 13 === 0) lines.push(`    auth: { bearer: "\${BENCH_TOKEN}" }`);
  }
  return lines;
}

/**
 * A whole config file with `count` monitors.
 *
 * @param {number} count How many monitors.
 * @param {{ baseUrl?: string }} [options] Where they point.
 * @returns {string} The YAML text.
 */
export function bigConfigYaml(count, { baseUrl } = {}) {
  const head = ['log:', '  level: warn', 'defaults:', '  timeout: 5', '  headers: { User-Agent: rxmon-bench }', 'monitors:'];
  return `${[...head, ...bigMonitorLines(0, count, baseUrl)].join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const yaml = bigConfigYaml(count);
  if (process.argv[3]) writeFileSync(process.argv[3], yaml);
  else process.stdout.write(yaml);
}
