/**
 * Case 3, accuracy: every phase of rxmon's results against curl's and blackbox_exporter's on the
 * same target, in the same run. The target answers `/delay/100` after 100 ms, over http and https
 * (the target's https twin, a self-signed certificate made at start and trusted by all three), by
 * name (`localhost`) and by IP literal (`127.0.0.1`).
 *
 * Per target, taking turns (never two measurers at once, so a change of load on the shared machine
 * hits all of them alike):
 * - **rxmon steady**: the daemon (`node dist/main.js`) with one monitor every second; its first
 *   checks are skipped; after each kept check, one curl and one blackbox_exporter sample are taken
 *   in the rest of that second;
 * - **rxmon first check**: `node dist/main.js --once` in a fresh process per sample, each followed
 *   by one curl and one blackbox_exporter sample;
 * - **curl**: one process per sample, two transfers on two fresh connections (`Connection: close`,
 *   `--no-sessionid`): the first is curl as a fresh process (`curl fresh`), the second curl warm;
 * - **blackbox_exporter**: one `/probe` per sample (when installed), phases from
 *   `probe_http_duration_seconds`; its total is the sum of its phases.
 *
 * Phases: dns = curl namelookup / blackbox resolve; connect; tls = appconnect − connect / tls;
 * firstByte = starttransfer − max(connect, appconnect) / processing; transfer; total.
 */
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startBlackbox } from '../blackbox.mjs';
import { writeConfig } from '../configs.mjs';
import { DAEMON, assertRunning, startDaemon } from '../daemon.mjs';
import { exited, sleep, stop, track } from '../processes.mjs';
import { percentiles } from '../stats.mjs';

const run = promisify(execFile);

/** The case's fixed parameters. */
export const ACCURACY = { delayMs: 100, samples: 15, onceSamples: 9, skipChecks: 3 };
/** The phases, in table order. */
export const PHASES = ['dns', 'connect', 'tls', 'firstByte', 'transfer', 'total'];
/** The four targets. */
const TARGETS = [
  ['http', 'localhost'],
  ['http', '127.0.0.1'],
  ['https', 'localhost'],
  ['https', '127.0.0.1'],
];
const CURL_FORMAT = '%{time_namelookup} %{time_connect} %{time_appconnect} %{time_pretransfer} %{time_starttransfer} %{time_total}\\n';

/** rxmon's record → phases. */
const fromRecord = (r) => ({ dns: r.timings.dnsMs, connect: r.timings.connectMs, tls: r.timings.tlsMs, firstByte: r.timings.firstByteMs, transfer: r.timings.transferMs, total: r.durationMs });

/** One curl `-w` line → phases (curl's marks mapped onto rxmon's boundaries). */
function fromCurl(line) {
  const [lookup, connect, appConnect, , startTransfer, total] = line.trim().split(' ').map((s) => Number(s) * 1000);
  return { dns: lookup, connect: connect - lookup, tls: appConnect > 0 ? appConnect - connect : 0, firstByte: startTransfer - Math.max(connect, appConnect), transfer: total - startTransfer, total };
}

/** blackbox_exporter's `/probe` text → phases. */
function fromBlackbox(text) {
  const phase = (name) => Number(new RegExp(`probe_http_duration_seconds\\{phase="${name}"\\} (\\S+)`).exec(text)?.[1] ?? NaN) * 1000;
  const phases = { dns: phase('resolve'), connect: phase('connect'), tls: phase('tls'), firstByte: phase('processing'), transfer: phase('transfer') };
  return { ...phases, total: phases.dns + phases.connect + phases.tls + phases.firstByte + phases.transfer };
}

/** Median and p99 of each phase. */
function summarise(samples) {
  const out = {};
  for (const phase of PHASES) {
    const [p50, p99] = percentiles(samples.map((s) => s[phase]), [50, 99]);
    out[phase] = { p50, p99 };
  }
  return { n: samples.length, ...out };
}

/**
 * The daemon with one monitor, every second: after each check past the first `skipChecks`, `between`
 * runs (one curl, one blackbox_exporter sample) before the next check is due.
 */
async function daemonSamples(dir, monitor, samples, between) {
  const configFile = writeConfig(dir, 'accuracy-steady.yml', { level: 'info', defaults: { timeout: 1, check_every: 1 }, monitors: [monitor] });
  const records = [];
  const daemon = startDaemon({
    configFile,
    onLine(line) {
      if (line.includes('"durationMs":') && line.includes('"timings":')) records.push(JSON.parse(line));
    },
  });
  try {
    const deadline = Date.now() + (ACCURACY.skipChecks + samples) * 1_000 + 20_000;
    let seen = 0;
    while (records.length < ACCURACY.skipChecks + samples && Date.now() < deadline) {
      assertRunning(daemon);
      if (records.length > seen) {
        seen = records.length;
        if (seen > ACCURACY.skipChecks) await between();
      }
      await sleep(20);
    }
  } finally {
    if (!exited(daemon.child)) await daemon.stop();
  }
  const kept = records.slice(ACCURACY.skipChecks, ACCURACY.skipChecks + samples);
  return { samples: kept.filter((r) => r.ok).map(fromRecord), failed: kept.filter((r) => !r.ok).length };
}

/** `rxmon --once` in a fresh process: its one result, and the wall time of the process. */
async function onceSample(dir, monitor) {
  const configFile = writeConfig(dir, 'accuracy-once.yml', { level: 'info', defaults: { timeout: 1 }, monitors: [monitor] });
  const startedAt = performance.now();
  const child = track(spawn(process.execPath, [DAEMON, '--once', '--config', configFile], { stdio: ['ignore', 'pipe', 'ignore'] }));
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
  const record = stdout.split('\n').filter((l) => l.includes('"timings":')).map((l) => JSON.parse(l))[0];
  return { record, code, wallMs: performance.now() - startedAt };
}

/**
 * Runs the case.
 *
 * @param {object} ctx The run context (dir, target, scale, log).
 * @returns {Promise<object>} Per target and measurer: median and p99 of every phase, ms.
 */
export async function runAccuracy(ctx) {
  const { dir, target, scale, log } = ctx;
  const samples = Math.max(5, Math.round(ACCURACY.samples * scale));
  const onceSamples = Math.max(3, Math.round(ACCURACY.onceSamples * scale));
  const caFile = join(dir, 'accuracy-ca.pem');
  writeFileSync(caFile, target.tlsCaPem);
  const exporter = await startBlackbox(dir, { caFile });
  log(`accuracy: /delay/${ACCURACY.delayMs}, http and https, localhost and 127.0.0.1; ${samples} samples each (rxmon --once: ${onceSamples} fresh processes)${exporter ? '' : '; blackbox_exporter not installed'}`);
  const results = {};
  try {
    for (const [scheme, host] of TARGETS) {
      const url = target.urlOn(scheme, host, `/delay/${ACCURACY.delayMs}`);
      const monitor = { name: 'accuracy', url, ...(scheme === 'https' ? { caFile } : {}) };
      // One curl process (its first transfer: curl fresh; its second: curl) and one probe.
      const others = async (into) => {
        const transfer = ['-o', '/dev/null', url];
        const { stdout } = await run('curl', ['-s', '--no-sessionid', '-H', 'Connection: close', '--cacert', caFile, '-w', CURL_FORMAT, ...transfer, ...transfer]);
        const [fresh, warm] = stdout.trim().split('\n').map(fromCurl);
        into.curlFresh.push(fresh);
        into.curlWarm.push(warm);
        if (exporter) {
          const text = await fetch(exporter.probeUrl(url, scheme === 'https' ? 'http_2xx_ca' : 'http_2xx')).then((r) => r.text());
          if (/probe_success 1/.test(text)) into.blackbox.push(fromBlackbox(text));
        }
      };
      const withSteady = { curlFresh: [], curlWarm: [], blackbox: [] };
      const steady = await daemonSamples(dir, monitor, samples, () => others(withSteady));
      const withOnce = { curlFresh: [], curlWarm: [], blackbox: [] };
      const once = [];
      let onceFailed = 0;
      for (let i = 0; i < onceSamples; i++) {
        const { record } = await onceSample(dir, monitor);
        if (record?.ok) once.push(fromRecord(record));
        else onceFailed++;
        await others(withOnce);
      }
      const curlFresh = [...withSteady.curlFresh, ...withOnce.curlFresh];
      const curlWarm = [...withSteady.curlWarm, ...withOnce.curlWarm];
      const blackbox = [...withSteady.blackbox, ...withOnce.blackbox];
      const key = `${scheme}://${host}`;
      results[key] = {
        rxmonSteady: { ...summarise(steady.samples), failed: steady.failed },
        rxmonFirstCheck: { ...summarise(once), failed: onceFailed },
        // The curl samples taken in turns with each rxmon mode, for its verdict.
        curlWithSteady: summarise(withSteady.curlWarm),
        curlWithFirstCheck: summarise(withOnce.curlWarm),
        curlFresh: summarise(curlFresh),
        curlWarm: summarise(curlWarm),
        ...(exporter ? { blackbox: summarise(blackbox) } : {}),
      };
      log(`  ${key}: steady ${steady.samples.length} (failed ${steady.failed}), first check ${once.length} (failed ${onceFailed}), curl ${curlWarm.length}, blackbox ${blackbox.length}`);
    }
  } finally {
    if (exporter) await stop(exporter.child);
  }
  log(accuracyTable(results));
  return { delayMs: ACCURACY.delayMs, samples, onceSamples, blackbox: exporter !== null, targets: results };
}

const MEASURERS = [
  ['rxmonSteady', 'rxmon steady'],
  ['rxmonFirstCheck', 'rxmon --once (first check)'],
  ['curlWarm', 'curl'],
  ['curlFresh', 'curl, first transfer of its process'],
  ['blackbox', 'blackbox_exporter'],
];

/**
 * The accuracy table: one row per target and phase, median / p99 per measurer, ms.
 *
 * @param {Record<string, any>} targets `runAccuracy`'s `targets`.
 * @returns {string} Markdown.
 */
export function accuracyTable(targets) {
  const present = MEASURERS.filter(([key]) => Object.values(targets).some((t) => t[key]));
  const f = (v) => (v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(2));
  const lines = [
    `| target | phase | ${present.map(([, label]) => `${label} p50 / p99`).join(' | ')} |`,
    `|---|---|${present.map(() => '---:').join('|')}|`,
  ];
  for (const [name, t] of Object.entries(targets)) {
    for (const phase of PHASES) {
      lines.push(`| ${name} | ${phase} | ${present.map(([key]) => (t[key] ? `${f(t[key][phase].p50)} / ${f(t[key][phase].p99)}` : '')).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}
