/**
 * Config load: `node dist/main.js --validate` on generated configs of 10,000, 25,000 and 50,000
 * monitors (bench/bigConfig.mjs): wall time and peak RSS per size, and the time per monitor, which
 * must stay flat (loading is linear; before the fix 50k took 15× as long as 10k). Runs with the
 * start-up case.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bigConfigYaml } from '../bigConfig.mjs';
import { writeFileSync } from 'node:fs';
import { DAEMON } from '../daemon.mjs';

/** The case's fixed parameters. */
export const CONFIG_LOAD = { sizes: [10_000, 25_000, 50_000] };

/** Printed by the child on exit: its own peak RSS (`process.resourceUsage().maxRSS`, KiB). */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

/**
 * One `--validate` run.
 *
 * @param {string} configFile The config.
 * @returns {Promise<{ seconds: number, rssMb: number }>}
 */
function validate(configFile) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_RSS, DAEMON, '--validate', '--config', configFile], {
      env: { ...process.env, NODE_OPTIONS: '', BENCH_TOKEN: 'bench-token' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /maxrss=(\d+)/.exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`--validate exited ${code}: ${stderr.trim().split('\n')[0]}`));
      else resolve({ seconds, rssMb: Number(rss[1]) / 1024 });
    });
  });
}

/**
 * Runs the case.
 *
 * @param {{ dir: string, log: (line: string) => void }} ctx The run context.
 * @returns {Promise<{ sizes: Array<{ monitors: number, seconds: number, rssMb: number, usPerMonitor: number }>, growth: number }>}
 */
export async function runConfigLoad({ dir, log }) {
  log(`config load: --validate on ${CONFIG_LOAD.sizes.join(' / ')} generated monitors`);
  const sizes = [];
  for (const monitors of CONFIG_LOAD.sizes) {
    const file = join(dir, `big-${monitors}.yml`);
    writeFileSync(file, bigConfigYaml(monitors));
    const { seconds, rssMb } = await validate(file);
    sizes.push({ monitors, seconds, rssMb, usPerMonitor: (seconds * 1e6) / monitors });
    log(`  ${monitors} monitors: ${seconds.toFixed(2)} s, peak RSS ${rssMb.toFixed(0)} MB`);
  }
  // Time per monitor at the largest size over the smallest: 1 is linear (start-up costs make it < 1).
  const growth = sizes.at(-1).usPerMonitor / sizes[0].usPerMonitor;
  return { sizes, growth };
}

/**
 * The case's table rows (the row shape of bench/report.mjs).
 *
 * @param {Awaited<ReturnType<typeof runConfigLoad>> | { error: string } | undefined} result
 * @returns {Array<{ section: string, figure: string, value: number | null, unit: string, target: string, verdict: string }>}
 */
export function configLoadRows(result) {
  if (!result || result.error) return [];
  const rows = [];
  const S = 'config load';
  for (const { monitors, seconds, rssMb } of result.sizes) {
    rows.push({ section: S, figure: `--validate ${monitors.toLocaleString('en')} monitors`, value: seconds, unit: 's', target: '', verdict: '' });
    rows.push({ section: S, figure: `peak RSS, ${monitors.toLocaleString('en')} monitors`, value: rssMb, unit: 'MB', target: '', verdict: '' });
  }
  const pass = result.growth <= 1.5;
  rows.push({ section: S, figure: 'time per monitor, 50k / 10k', value: result.growth, unit: '×', target: '≤ 1.5', verdict: pass ? 'PASS' : 'MISS' });
  return rows;
}
