/**
 * Prometheus blackbox_exporter for the saturation comparison: found on disk, started on 127.0.0.1
 * with a temporary `http_2xx` module, and stopped with the other children.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './freePort.mjs';
import { sleep, track } from './processes.mjs';

/** Where the Debian package (`apt-get install prometheus-blackbox-exporter`) puts the binary. */
export const BLACKBOX_BINARY = '/usr/bin/prometheus-blackbox-exporter';

const CONFIG = `modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
      ip_protocol_fallback: false
`;

/** A module that trusts `caFile` (the accuracy case's https target). */
const caModule = (caFile) => `  http_2xx_ca:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
      ip_protocol_fallback: false
      tls_config:
        ca_file: ${JSON.stringify(caFile)}
`;

/**
 * Starts blackbox_exporter when it is installed.
 *
 * @param {string} dir A temporary directory for its config.
 * @param {{ caFile?: string }} [options] `caFile`: also a module `http_2xx_ca` trusting it.
 * @returns {Promise<null | { pid: number, port: number, probeUrl: (target: string, module?: string) => string, child: import('node:child_process').ChildProcess }>}
 *   null when the binary is missing.
 */
export async function startBlackbox(dir, { caFile } = {}) {
  if (!existsSync(BLACKBOX_BINARY)) return null;
  const configFile = join(dir, 'blackbox.yml');
  writeFileSync(configFile, CONFIG + (caFile === undefined ? '' : caModule(caFile)));
  const port = await freePort();
  const child = track(
    spawn(BLACKBOX_BINARY, [`--config.file=${configFile}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2_000)));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`blackbox_exporter exited (${child.exitCode}): ${stderr}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/-/healthy`).then((r) => r.ok, () => false);
    if (healthy) {
      return {
        pid: child.pid,
        port,
        child,
        probeUrl: (target, module = 'http_2xx') => `http://127.0.0.1:${port}/probe?module=${module}&target=${encodeURIComponent(target)}`,
      };
    }
    await sleep(100);
  }
  throw new Error(`blackbox_exporter did not become healthy in 10 s: ${stderr}`);
}
