/**
 * Turns the cases' results into rows (figure, value, target, PASS/MISS) and a Markdown table.
 */
import { fmt } from './stats.mjs';

/**
 * One table row.
 *
 * @param {string} section Case.
 * @param {string} figure What is measured.
 * @param {number | string | undefined} value The figure.
 * @param {string} unit Unit.
 * @param {{ text: string, pass: (v: number) => boolean } | undefined} [target] The target, if any.
 * @returns {{ section: string, figure: string, value: number | string | null, unit: string, target: string, verdict: string }}
 */
function row(section, figure, value, unit, target) {
  const numeric = typeof value === 'number' && Number.isFinite(value);
  let verdict = '';
  if (target) verdict = numeric ? (target.pass(value) ? 'PASS' : 'MISS') : 'n/a';
  return { section, figure, value: value ?? null, unit, target: target?.text ?? '', verdict };
}

const atLeast = (limit, text = `≥ ${limit}`) => ({ text, pass: (v) => v >= limit });
const atMost = (limit, text = `≤ ${limit}`) => ({ text, pass: (v) => v <= limit });
const within = (limit) => ({ text: `within ±${limit}`, pass: (v) => Math.abs(v) <= limit });
const isFalse = { text: 'no growth', pass: (v) => v === 0 };
const isTrue = { text: 'steady (±10%)', pass: (v) => v === 1 };

/**
 * Rows for every case that ran.
 *
 * @param {Record<string, any>} results Per case: its result, or `{ error }`.
 * @returns {ReturnType<typeof row>[]} The rows.
 */
export function buildRows(results) {
  const rows = [];
  for (const [name, result] of Object.entries(results)) {
    if (result?.error) rows.push(row(name, `FAILED: ${result.error.split('\n')[0]}`, undefined, '', { text: 'runs', pass: () => false }));
  }
  const sat = results.saturation;
  if (sat && !sat.error) {
    const S = 'saturation';
    rows.push(row(S, 'rxmon checks/s (workers: auto)', sat.rxmon.perSecond, '/s'));
    if (sat.oneThread) rows.push(row(S, 'rxmon checks/s (workers: 0, main thread only)', sat.oneThread.perSecond, '/s'));
    rows.push(row(S, 'bare node:http loop checks/s', sat.bare.perSecond, '/s'));
    rows.push(row(S, 'blackbox_exporter probes/s', sat.blackbox?.perSecond ?? sat.blackboxNote, sat.blackbox ? '/s' : ''));
    rows.push(row(S, 'rxmon / bare', sat.rxmon.perSecond / sat.bare.perSecond, '×', atLeast(0.5)));
    if (sat.blackbox) rows.push(row(S, 'rxmon / blackbox_exporter', sat.rxmon.perSecond / sat.blackbox.perSecond, '×', atLeast(2)));
    rows.push(row(S, 'rxmon CPU per check (workers: auto)', sat.rxmon.cpuMsPerCheck, 'ms', atMost(0.25)));
    if (sat.oneThread) rows.push(row(S, 'rxmon CPU per check (workers: 0)', sat.oneThread.cpuMsPerCheck, 'ms'));
    rows.push(row(S, 'bare loop CPU per check', sat.bare.cpuMsPerCheck, 'ms'));
    if (sat.blackbox) rows.push(row(S, 'blackbox_exporter CPU per probe (exporter only)', sat.blackbox.cpuMsPerCheck, 'ms'));
    const failed = Object.values(sat.rxmon.failures).reduce((a, b) => a + b, 0);
    rows.push(row(S, 'rxmon failed checks (whole run)', failed, ''));
  }
  const fl = results.fleet;
  if (fl && !fl.error) {
    const S = 'fleet 50k@30s';
    rows.push(row(S, 'checks/s (planned 1,667)', fl.checksPerSecond, '/s'));
    rows.push(row(S, 'first check after spawn', fl.firstCheckMs, 'ms', atMost(5000)));
    rows.push(row(S, 'p99 |interval − 30 s| at target', fl.intervals.deviationP99, 'ms', atMost(50)));
    rows.push(row(S, 'missed ticks', fl.intervals.missedTicks, '', atMost(0, '0')));
    rows.push(row(S, 'checks seen / expected in window', `${fl.intervals.seenChecks} / ${Math.round(fl.intervals.expectedChecks)}`, ''));
    rows.push(row(S, 'peak RSS (VmHWM)', fl.peakRssMb, 'MB', atMost(600)));
    rows.push(row(S, 'CPU per check', fl.cpuMsPerCheck, 'ms'));
  }
  const sc = results.scale;
  if (sc && !sc.error) {
    const S = 'scale 10k@10s';
    rows.push(row(S, 'checks/s (planned 1,000)', sc.checksPerSecond, '/s'));
    rows.push(row(S, 'schedule lag p50', sc.lag.p50, 'ms'));
    rows.push(row(S, 'schedule lag p99', sc.lag.p99, 'ms'));
    rows.push(row(S, 'schedule lag max', sc.lag.max, 'ms'));
    rows.push(row(S, 'p99 |interval − 10 s| at target', sc.intervals.deviationP99, 'ms', atMost(50)));
    rows.push(row(S, 'max |interval − 10 s| at target', sc.intervals.deviationMax, 'ms'));
    if (sc.targetLoopDelayMs) rows.push(row(S, "target's own event-loop delay p99 / max (stamps arrivals)", `${sc.targetLoopDelayMs.p99.toFixed(0)} / ${sc.targetLoopDelayMs.max.toFixed(0)}`, 'ms'));
    rows.push(row(S, 'missed ticks', sc.intervals.missedTicks, '', atMost(0, '0')));
    rows.push(row(S, 'checks seen / expected in window', `${sc.intervals.seenChecks} / ${Math.round(sc.intervals.expectedChecks)}`, ''));
    rows.push(row(S, 'RSS after start-up', sc.rssAfterStartupMb, 'MB', atMost(300)));
    rows.push(row(S, 'RSS at end', sc.rssAtEndMb, 'MB', atMost(300)));
    rows.push(row(S, 'peak RSS (VmHWM)', sc.peakRssMb, 'MB', atMost(300)));
    rows.push(row(S, 'CPU (of one core)', sc.cpuPercent, '%'));
    rows.push(row(S, 'CPU per check', sc.cpuMsPerCheck, 'ms', atMost(0.35)));
  }
  const sto = results.storage;
  if (sto && !sto.error) {
    const memory = sto.runs.memory;
    for (const [name, run] of Object.entries(sto.runs)) {
      if (typeof run !== 'object' || run.error) continue;
      const S = `storage ${name} 10k@10s`;
      rows.push(row(S, 'p99 |interval − 10 s| at target', run.intervals.deviationP99, 'ms', atMost(50)));
      rows.push(row(S, 'missed ticks', run.intervals.missedTicks, '', atMost(0, '0')));
      rows.push(row(S, 'CPU per check', run.cpuMsPerCheck, 'ms'));
      if (name !== 'memory') rows.push(row(S, 'CPU per check / memory', run.cpuMsPerCheck / memory.cpuMsPerCheck, '×', atMost(1.15)));
      rows.push(row(S, 'peak RSS (VmHWM)', run.peakRssMb, 'MB', atMost(300)));
    }
    if (sto.runs.postgresNote) rows.push(row('storage postgres 10k@10s', 'run', sto.runs.postgresNote, ''));
    const S = 'storage sqlite costs';
    rows.push(row(S, 'bytes per stored result (with indexes)', sto.costs.bytesPerResult, 'B'));
    rows.push(row(S, 'bytes per aggregate bucket', sto.costs.bytesPerBucket, 'B'));
    rows.push(row(S, 'write of a 1,000-result batch', sto.costs.batchWriteMs, 'ms'));
    rows.push(row(S, 'steady state, 10k monitors @ 10 s, default retention', sto.costs.steadyStateGiB, 'GiB'));
    rows.push(row(S, `retention delete of ${sto.costs.prune.rows} rows`, sto.costs.prune.ms / 1000, 's'));
    rows.push(row(S, 'event-loop delay during it, p99 / max', `${sto.costs.prune.loopDelayP99Ms.toFixed(1)} / ${sto.costs.prune.loopDelayMaxMs.toFixed(1)}`, 'ms'));
    rows.push(row(S, 'uptime 30 d, one monitor', sto.uptime.oneMonitorMs, 'ms'));
    rows.push(row(S, `uptime 30 d, all ${sto.uptime.monitors} monitors`, sto.uptime.allMonitorsMs, 'ms'));
    rows.push(row(S, `uptime 30 d, all monitors, hourly buckets only`, sto.uptime.allMonitorsHourlyOnlyMs, 'ms'));
  }
  const pg = results.page;
  if (pg && !pg.error) {
    const S = `status page ${pg.monitors / 1000}k`;
    rows.push(row(S, 'GET / time, median (max)', `${pg.plain.ms.toFixed(0)} (${pg.plain.maxMs.toFixed(0)})`, 'ms'));
    rows.push(row(S, 'GET / size', pg.plain.bytes / 1024, 'KiB', atMost(1_500)));
    rows.push(row(S, 'GET / gzip time, median (max)', `${pg.gzip.ms.toFixed(0)} (${pg.gzip.maxMs.toFixed(0)})`, 'ms'));
    rows.push(row(S, 'GET / gzip size', pg.gzip.bytes / 1024, 'KiB'));
    rows.push(row(S, 'GET /monitors/<name> (24h / 1h range)', `${pg.monitorPageMs.toFixed(0)} / ${pg.monitorPageHourMs.toFixed(0)}`, 'ms'));
    rows.push(row(S, 'daemon CPU, no /events clients', pg.idleCpuPercent, '%'));
    rows.push(row(S, `daemon CPU, ${pg.clients} /events clients`, pg.sseCpuPercent, '%'));
    rows.push(row(S, `${pg.clients} clients: every one kept receiving (1 = yes)`, Number(pg.allReceiving), '', { text: '1', pass: (v) => v === 1 }));
    rows.push(row(S, 'bytes per client', pg.bytesPerClientPerSecond / 1024, 'KiB/s'));
    rows.push(row(S, `GET / with ${pg.clients} clients open`, pg.pageWithClientsMs, 'ms'));
  }
  const ac = results.accuracy;
  if (ac && !ac.error) {
    const S = `accuracy /delay/${ac.delayMs}`;
    const phases = ['dns', 'connect', 'tls', 'firstByte', 'transfer', 'total'];
    // The largest |rxmon − curl| over the phases, at the median: the bound is 1 ms for each.
    const worst = (ours, curl) => {
      let phase = 'n/a';
      let diff = NaN;
      for (const p of phases) {
        const d = ours[p].p50 - curl[p].p50;
        if (!(Math.abs(d) <= Math.abs(diff))) [phase, diff] = [p, d];
      }
      return { phase, diff };
    };
    for (const [name, t] of Object.entries(ac.targets)) {
      // Each rxmon mode against the curl samples taken in turns with it.
      const steady = worst(t.rxmonSteady, t.curlWithSteady ?? t.curlWarm);
      const first = worst(t.rxmonFirstCheck, t.curlWithFirstCheck ?? t.curlWarm);
      rows.push(row(S, `${name}: steady, largest median rxmon − curl (${steady.phase})`, steady.diff, 'ms', within(1)));
      rows.push(row(S, `${name}: --once first check, largest median rxmon − curl (${first.phase})`, first.diff, 'ms', within(1)));
      rows.push(row(S, `${name}: total p50 / p99, rxmon steady / first check / curl${t.blackbox ? ' / blackbox' : ''}`,
        [t.rxmonSteady, t.rxmonFirstCheck, t.curlWarm, ...(t.blackbox ? [t.blackbox] : [])].map((m) => `${m.total.p50.toFixed(2)}/${m.total.p99.toFixed(2)}`).join(' · '), 'ms'));
    }
  }
  const st = results.startup;
  if (st && !st.error) {
    const S = 'start-up 10k';
    rows.push(row(S, 'spawn → first check at target', st.firstCheckMs, 'ms'));
    rows.push(row(S, 'spawn → "Starting up" logged', st.startingUpMs, 'ms'));
    rows.push(row(S, 'RSS at first check', st.rssAtFirstCheckMb, 'MB', atMost(300)));
    rows.push(row(S, 'RSS 3 s later', st.rssLaterMb, 'MB', atMost(300)));
  }
  const so = results.soak;
  if (so && !so.error) {
    const S = `soak ${so.minutes} min`;
    rows.push(row(S, 'RSS slope', so.rss.slopePerMinute, 'MB/min'));
    rows.push(row(S, 'RSS growth trend', so.rss.growing === null ? undefined : Number(so.rss.growing), '', isFalse));
    rows.push(row(S, 'open fds slope', so.fds.slopePerMinute, '/min'));
    rows.push(row(S, 'open fds growth trend', so.fds.growing === null ? undefined : Number(so.fds.growing), '', isFalse));
    rows.push(row(S, 'active handles slope', so.handles.slopePerMinute, '/min'));
    rows.push(row(S, 'active handles growth trend', so.handles.growing === null ? undefined : Number(so.handles.growing), '', isFalse));
    rows.push(row(S, `checks/min median (planned ${so.expectedChecksPerMinute})`, so.checksPerMinute.median, '/min'));
    rows.push(row(S, 'checks/min steady', Number(so.checksPerMinute.steady), '', isTrue));
  }
  return rows;
}

/**
 * Renders rows as a Markdown table.
 *
 * @param {ReturnType<typeof row>[]} rows The rows.
 * @returns {string} The table.
 */
export function markdownTable(rows) {
  const show = (r) => {
    if (typeof r.value !== 'number') return r.value ?? 'n/a';
    if (r.verdict && (r.target === 'no growth' || r.target.startsWith('steady'))) return r.value ? 'yes' : 'no';
    return fmt(r.value);
  };
  const lines = ['| case | figure | value | unit | target | result |', '|---|---|---:|---|---|---|'];
  const cell = (text) => String(text).replaceAll('|', '\\|');
  for (const r of rows) lines.push(`| ${[r.section, r.figure, show(r), r.unit, r.target, r.verdict].map(cell).join(' | ')} |`);
  return lines.join('\n');
}
