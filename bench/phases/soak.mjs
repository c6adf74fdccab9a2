/**
 * Case 5, soak (`--soak[=minutes]`, not in the default run): monitors over every fault of the
 * README's "Failure modes" table that a target can show, plus a 503, a plain 200 and a chunked
 * 5,000-byte body, `perKind` monitors of each kind checking every 0.5 s (timeout 0.4 s, log level
 * warn: issue 17's setting), for N minutes. The faults run in their own target process
 * (`targetServer.mjs --faults`). Samples RSS and open fds (from /proc), active handles, libuv
 * requests and the check count (rxmon's own /metrics: prom-client's `nodejs_active_handles`,
 * `nodejs_active_requests`, `rxmon_checks_total`); after a warm-up, judges each series by its
 * Theil–Sen slope (the median of pairwise slopes, which a GC sawtooth hardly moves) and RSS also by
 * its floor (the lowest sample of the first and of the last third).
 *
 * `RXMON_SOAK_KINDS` (comma-separated kind names, as the log lists them) runs only those kinds and
 * `RXMON_SOAK_PER_KIND` sets the monitors per kind: issue 17's ten-kind mix is
 * `RXMON_SOAK_KINDS="refused,dns failure,never-answers,body-stalls,reset-mid-body,garbage,endless,tls self-signed,ok,chunked" RXMON_SOAK_PER_KIND=20`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { freePort } from '../freePort.mjs';
import { memory, openFds } from '../procStats.mjs';
import { exited, forkHelper, nextEvent, sleep, stop } from '../processes.mjs';
import { median } from '../stats.mjs';

/** The case's fixed parameters. */
export const SOAK = {
  perKind: Number(process.env.RXMON_SOAK_PER_KIND ?? 10),
  checkEvery: 0.5,
  timeout: 0.4,
  sampleMs: 30_000,
  warmUpMs: 120_000,
};

const TARGET = fileURLToPath(new URL('../targetServer.mjs', import.meta.url));

/**
 * Sums every series of some metrics in rxmon's /metrics.
 *
 * @param {number} port rxmon's listener.
 * @param {string[]} names Exact metric names.
 * @returns {Promise<Record<string, number>>} name → sum (0 when absent); NaN each when the endpoint does not answer.
 */
async function metricSums(port, names) {
  const sums = Object.fromEntries(names.map((name) => [name, 0]));
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    for (const match of text.matchAll(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})? (\S+)$/gm)) {
      if (match[1] in sums) sums[match[1]] += Number(match[2]);
    }
    return sums;
  } catch {
    return Object.fromEntries(names.map((name) => [name, NaN]));
  }
}

/**
 * The Theil–Sen slope: the median of the slopes between every pair of points.
 *
 * @param {Array<[number, number]>} points (x, y), x increasing.
 * @returns {number} dy/dx; NaN with fewer than 2 points.
 */
function robustSlope(points) {
  const slopes = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (points[j][0] !== points[i][0]) slopes.push((points[j][1] - points[i][1]) / (points[j][0] - points[i][0]));
    }
  }
  return slopes.length === 0 ? NaN : median(slopes);
}

/**
 * Whether a series grows: its robust growth over the run against a tolerance.
 *
 * @param {Array<[number, number]>} points (minutes, value).
 * @param {(first: number) => number} tolerance Allowed growth over the whole run, given the first value.
 * @returns {{ slopePerMinute: number, fittedGrowth: number, min: number, max: number, growing: boolean | null }} null: too few points.
 */
function trend(points, tolerance) {
  const usable = points.filter(([, y]) => Number.isFinite(y));
  if (usable.length < 3) return { slopePerMinute: NaN, fittedGrowth: NaN, min: NaN, max: NaN, growing: null };
  const slope = robustSlope(usable);
  const span = usable[usable.length - 1][0] - usable[0][0];
  const fittedGrowth = slope * span;
  const ys = usable.map(([, y]) => y);
  return { slopePerMinute: slope, fittedGrowth, min: Math.min(...ys), max: Math.max(...ys), growing: fittedGrowth > tolerance(usable[0][1]) };
}

/**
 * The lowest value of the first and of the last third of a series.
 *
 * @param {number[]} values In time order.
 * @returns {{ first: number, last: number }}
 */
function floorThirds(values) {
  const size = Math.max(1, Math.floor(values.length / 3));
  return { first: Math.min(...values.slice(0, size)), last: Math.min(...values.slice(-size)) };
}

/**
 * The daemon's config: one monitor per (kind, index) in turn, so the kinds interleave.
 *
 * @param {string} file Where to write it.
 * @param {{ kinds: Array<{ kind: string, url: string, ca?: boolean }>, caFile: string, port: number }} spec
 * @returns {number} How many monitors.
 */
function writeSoakConfig(file, { kinds, caFile, port }) {
  const lines = ['log: { level: warn }', `server: { host: 127.0.0.1, port: ${port} }`, 'monitors:'];
  let index = 0;
  for (let round = 0; round < SOAK.perKind; round++) {
    for (const { kind, url, ca } of kinds) {
      const name = `${kind.replace(/\W/g, '')}${String(index++).padStart(4, '0')}`;
      const tls = ca ? `, tls: { ca: "${caFile}" }` : '';
      lines.push(`  ${name}: { url: "${url}", check_every: ${SOAK.checkEvery}, timeout: ${SOAK.timeout}${tls} }`);
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return index;
}

/**
 * Runs the soak.
 *
 * @param {object} ctx The run context (dir, log).
 * @param {number} minutes How long.
 * @returns {Promise<object>} Samples and trends.
 */
export async function runSoak(ctx, minutes) {
  const { dir, log } = ctx;
  const totalMs = minutes * 60_000;
  const sampleMs = Math.min(SOAK.sampleMs, totalMs / 10);
  const warmUpMs = Math.min(SOAK.warmUpMs, totalMs / 5);
  const faults = forkHelper(TARGET, ['--faults']);
  let daemon;
  try {
    const { faults: mix } = await nextEvent(faults.child, 'listening', 30_000);
    const only = process.env.RXMON_SOAK_KINDS?.split(',').map((kind) => kind.trim());
    if (only !== undefined) {
      const unknown = only.filter((kind) => !mix.kinds.some((k) => k.kind === kind));
      if (unknown.length > 0) throw new Error(`RXMON_SOAK_KINDS: unknown ${unknown.join(', ')} (${mix.kinds.map((k) => k.kind).join(', ')})`);
      mix.kinds = mix.kinds.filter((k) => only.includes(k.kind));
    }
    const caFile = join(dir, 'soak-ca.pem');
    writeFileSync(caFile, mix.caPem);
    const metricsPort = await freePort();
    const configFile = join(dir, 'soak.yml');
    const monitors = writeSoakConfig(configFile, { kinds: mix.kinds, caFile, port: metricsPort });
    log(
      `soak: ${monitors} monitors (${SOAK.perKind} × ${mix.kinds.length} kinds) every ${SOAK.checkEvery} s (timeout ${SOAK.timeout} s) ` +
        `over ${mix.kinds.map((k) => k.kind).join(', ')} for ${minutes} min, a sample every ${sampleMs / 1000} s, judged after ${warmUpMs / 1000} s`,
    );
    const codes = Object.create(null);
    let failedLines = 0;
    const codePattern = /"code":"([^"]+)"/;
    daemon = startDaemon({
      configFile,
      onLine(line) {
        if (!line.includes('"durationMs":')) return;
        failedLines += 1;
        const code = codePattern.exec(line)?.[1] ?? 'UNKNOWN';
        codes[code] = (codes[code] ?? 0) + 1;
      },
    });
    const names = ['rxmon_checks_total', 'nodejs_active_handles', 'nodejs_active_requests'];
    let first = { rxmon_checks_total: NaN };
    for (let waited = 0; !Number.isFinite(first.rxmon_checks_total) && waited < 60_000; waited += 200) {
      assertRunning(daemon);
      await sleep(200);
      first = await metricSums(metricsPort, names);
    }
    if (!Number.isFinite(first.rxmon_checks_total)) throw new Error('rxmon /metrics did not answer within 60 s');
    const samples = [];
    const started = performance.now();
    let lastChecks = first.rxmon_checks_total;
    let lastAt = started;
    while (performance.now() - started < totalMs) {
      await sleep(Math.min(sampleMs, totalMs - (performance.now() - started)));
      assertRunning(daemon);
      const now = performance.now();
      const { rssMb } = memory(daemon.pid);
      const metrics = await metricSums(metricsPort, names);
      const sample = {
        minute: (now - started) / 60_000,
        rssMb,
        fds: openFds(daemon.pid),
        handles: metrics.nodejs_active_handles,
        requests: metrics.nodejs_active_requests,
        checksPerMinute: ((metrics.rxmon_checks_total - lastChecks) / (now - lastAt)) * 60_000,
      };
      lastChecks = metrics.rxmon_checks_total;
      lastAt = now;
      samples.push(sample);
      log(
        `  ${sample.minute.toFixed(1)} min: RSS ${rssMb.toFixed(0)} MB, fds ${sample.fds}, handles ${sample.handles}, ` +
          `libuv requests ${sample.requests}, ${sample.checksPerMinute.toFixed(0)} checks/min`,
      );
    }
    const stopped = await daemon.stop();
    const steady = samples.filter((s) => s.minute * 60_000 >= warmUpMs - 1);
    const rate = steady.map((s) => s.checksPerMinute);
    const rateMedian = median(rate);
    const rssFloor = floorThirds(steady.map((s) => s.rssMb));
    const totalChecks = lastChecks - first.rxmon_checks_total;
    return {
      minutes,
      monitors,
      kinds: mix.kinds.map((k) => k.kind),
      warmUpMinutes: warmUpMs / 60_000,
      samples,
      codes: { OK: Math.max(0, totalChecks - failedLines), ...codes },
      expectedChecksPerMinute: (monitors * 60) / SOAK.checkEvery,
      rss: { ...trend(steady.map((s) => [s.minute, s.rssMb]), (firstMb) => Math.max(16, firstMb * 0.1)), floor: rssFloor },
      // Sockets, handles and libuv requests follow the checks in flight (up to one per monitor, more
      // while the machine is busy and checks run to their timeout), so a sample swings by tens; a
      // leak of one per check would add thousands a minute.
      fds: trend(steady.map((s) => [s.minute, s.fds]), () => Math.max(20, monitors / 4)),
      handles: trend(steady.map((s) => [s.minute, s.handles]), () => Math.max(20, monitors / 4)),
      requests: trend(steady.map((s) => [s.minute, s.requests]), () => Math.max(20, monitors / 4)),
      checksPerMinute: {
        median: rateMedian,
        min: Math.min(...rate),
        max: Math.max(...rate),
        steady: rate.length > 0 && rate.every((r) => Math.abs(r - rateMedian) <= rateMedian * 0.1),
      },
      shutdown: stopped,
    };
  } finally {
    if (daemon !== undefined && !exited(daemon.child)) await daemon.stop();
    faults.child.send({ id: 0, cmd: 'close' });
    await stop(faults.child, { graceMs: 2_000 });
  }
}
