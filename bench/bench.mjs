/**
 * `npm run bench`: rxmon against a local target, a bare node:http loop and blackbox_exporter.
 * Starts every process itself, runs the cases one after another, prints a Markdown table with the
 * targets and writes bench/results.json. See `npm run bench -- --help`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, parseBenchArgs } from './args.mjs';
import { renderSummary, summariseProfile } from './cpuProfile.mjs';
import { DAEMON } from './daemon.mjs';
import { runAccuracy } from './phases/accuracy.mjs';
import { runPage } from './phases/page.mjs';
import { configLoadRows, runConfigLoad } from './phases/configLoad.mjs';
import { runSaturation, runRxmonSaturation } from './phases/saturation.mjs';
import { FLEET, runScale } from './phases/scale.mjs';
import { runSoak } from './phases/soak.mjs';
import { runStartup } from './phases/startup.mjs';
import { runStorage } from './phases/storage.mjs';
import { fileLimit } from './procStats.mjs';
import { installCleanup, killAll } from './processes.mjs';
import { buildRows, markdownTable } from './report.mjs';
import { startTarget } from './target.mjs';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const log = (line) => process.stdout.write(`${line}\n`);

function machine() {
  const limit = fileLimit();
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: os.totalmem() / 2 ** 30,
    loadAverage: os.loadavg(),
    openFilesLimit: limit,
  };
}

/**
 * Runs rxmon's saturation case under --cpu-prof and summarises each thread's profile (`node
 * --cpu-prof` writes one per thread: the main thread's, then one per worker, by thread id).
 */
async function profileSaturation(ctx) {
  mkdirSync(ctx.profileDir, { recursive: true });
  const before = new Set(readdirSync(ctx.profileDir));
  log(`profile: rxmon saturation under --cpu-prof (figures not comparable: profiling costs CPU)`);
  const window = await runRxmonSaturation(ctx, { profile: true });
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread.
  const written = readdirSync(ctx.profileDir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .sort((a, b) => Number(a.split('.')[4]) - Number(b.split('.')[4]));
  if (written.length === 0) return { window, note: 'no .cpuprofile written (did the daemon exit cleanly?)' };
  const threads = written.map((name) => {
    const file = join(ctx.profileDir, name);
    const thread = Number(name.split('.')[4]) === 0 ? 'main thread' : `worker thread ${name.split('.')[4]}`;
    const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')));
    log(`\n${thread} (${file}):`);
    log(renderSummary(summary, 25));
    return { thread, file, areas: summary.areas, top: summary.functions.slice(0, 40) };
  });
  return { window, threads };
}

async function main() {
  let options;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    log(USAGE);
    return 0;
  }
  if (!existsSync(DAEMON)) {
    process.stderr.write(`bench: ${DAEMON} is missing; run npm run build (npm run bench does it)\n`);
    return 2;
  }
  installCleanup();
  const env = machine();
  log(`rxmon bench: node ${env.node}, ${env.cpus} CPU(s) (${env.cpuModel}), load ${env.loadAverage.map((l) => l.toFixed(2)).join(' ')}`);
  log(
    `ulimit -n: soft ${env.openFilesLimit.soft}, hard ${env.openFilesLimit.hard}. 10,000 monitors are not 10,000 sockets: ` +
      `max_concurrent_checks (default 512) bounds the sockets in flight; the soft limit must exceed it plus a margin.`,
  );
  if (Number(env.openFilesLimit.soft) < 1_024) log(`WARNING: the open-files limit is low; raise it with ulimit -n 4096 or more`);
  log(`cases: ${options.cases.join(', ')}${options.scale !== 1 ? `; windows ×${options.scale}` : ''}`);
  const dir = mkdtempSync(join(os.tmpdir(), 'rxmon-bench-'));
  const results = {};
  const started = new Date();
  let target;
  try {
    target = await startTarget();
    const ctx = { dir, target, scale: options.scale, log, profileDir: options.profileDir };
    const cases = {
      saturation: () => runSaturation(ctx),
      scale: () => runScale(ctx),
      fleet: () => runScale(ctx, { label: 'fleet', ...FLEET }),
      accuracy: () => runAccuracy(ctx),
      startup: () => runStartup(ctx),
      configLoad: () => runConfigLoad(ctx),
      storage: () => runStorage(ctx),
      page: () => runPage(ctx),
      soak: () => runSoak(ctx, options.soakMinutes),
    };
    // Config load belongs to start-up: it runs with the start-up case.
    const selected = options.cases.flatMap((name) => (name === 'startup' ? [name, 'configLoad'] : [name]));
    for (const name of selected) {
      try {
        results[name] = await cases[name]();
      } catch (error) {
        log(`  ${name} FAILED: ${error.stack ?? error}`);
        results[name] = { error: String(error.message ?? error) };
      }
    }
    if (options.profileDir) {
      try {
        results.profile = await profileSaturation(ctx);
      } catch (error) {
        log(`  profile FAILED: ${error.message}`);
        results.profile = { error: String(error.message) };
      }
    }
  } finally {
    await target?.close();
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = [...buildRows(Object.fromEntries(Object.entries(results).filter(([k]) => k !== 'profile'))), ...configLoadRows(results.configLoad)];
  const table = markdownTable(rows);
  log('');
  log(table);
  log('');
  log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (the CPU is shared: figures vary with other load)`);
  const report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: { ...env, loadAverageAtEnd: os.loadavg() },
    options,
    results,
    rows,
    table,
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + '\n');
  log(`wrote ${RESULTS_FILE}`);
  // A MISS is a result, not a failure of the benchmark: exit 1 only when a case could not run.
  return Object.values(results).some((r) => r?.error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`bench: ${error.stack ?? error}\n`);
    await killAll();
    process.exit(1);
  },
);
