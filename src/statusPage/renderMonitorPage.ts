import type { CheckResult } from '../check/checkResult.js';
import type { LiveMonitor } from '../live/liveMonitors.js';
import type { ChartBin, ChartRange } from './chartBins.js';
import { CHART_RANGES, PHASES } from './chartBins.js';
import { escapeHtml } from './escapeHtml.js';
import { UNKNOWN, certUrgency, formatCertDays, formatClock, formatDuration, formatInstant, formatInterval, formatLatency, formatPercent } from './formatFigures.js';
import type { Incident } from './incidents.js';
import { renderDocument } from './pageDocument.js';
import { PHASE_STYLE, phaseChartSvg } from './phaseChartSvg.js';
import { STATE_TEXT } from './renderOverview.js';

/** The uptime windows a monitor's page shows. */
export const UPTIME_WINDOWS = [
  { key: '24h', label: '24 h', ms: 86_400_000 },
  { key: '7d', label: '7 d', ms: 7 * 86_400_000 },
  { key: '30d', label: '30 d', ms: 30 * 86_400_000 },
  { key: '90d', label: '90 d', ms: 90 * 86_400_000 },
  { key: '1y', label: '1 y', ms: 365 * 86_400_000 },
] as const;

/** What {@link renderMonitorPage} draws. */
export interface MonitorPageContent {
  monitor: LiveMonitor;
  /** The configured URL, its password masked. */
  url: string;
  /** Share of ok checks per window (`24h`, `7d`, …), 0 to 1; absent with no checks. */
  uptime: Readonly<Record<string, number | undefined>>;
  /** The chart's range and bars. */
  range: ChartRange;
  bins: readonly ChartBin[];
  /** Newest first. */
  incidents: readonly Incident[];
  /** The latest results, newest first. */
  results: readonly CheckResult[];
  nowMs: number;
  /** The way back to `/` from this page (`../` under `/monitors/`). */
  base: string;
  /** This page's link relative to `/` (for the range links). */
  self: string;
}

/**
 * A monitor's page (`GET /monitors/<name>`): its state, uptime over 24 h, 7 d, 30 d, 90 d and 1 y,
 * a response-time chart stacked by phase over a chosen range (`?range=1h|6h|24h|7d|30d`, plain
 * links), the incident timeline, the latest results with their error codes, and the certificate's
 * expiry. No script; every piece of user data is HTML-escaped.
 *
 * @param content What the store and the live state say about the monitor.
 * @returns The HTML document.
 */
export function renderMonitorPage({ monitor, url, uptime, range, bins, incidents, results, nowMs, base, self }: MonitorPageContent): string {
  const name = escapeHtml(monitor.name);
  const last = monitor.last;
  const rangeLink = (key: string) => escapeHtml(`${base}${self}${self.includes('?') ? '&' : '?'}range=${key}`);
  const since = monitor.since ? ` since ${escapeHtml(formatInstant(monitor.since))} (${formatDuration(nowMs - Date.parse(monitor.since))})` : '';
  const cert = last?.certExpiresInDays;
  const certText = cert === undefined ? (/^https:/i.test(url) ? 'not seen yet' : 'no TLS') : cert < 0 ? 'expired' : `in ${formatCertDays(cert)}`;
  const figures = [
    figure('Status', last ? (last.status === undefined ? 'none' : String(last.status)) : UNKNOWN, 'status'),
    figure('Latency', formatLatency(last?.durationMs), 'latency'),
    ...UPTIME_WINDOWS.map((window) => figure(`Uptime ${window.label}`, formatPercent(uptime[window.key]), `uptime-${window.key}`)),
    figure('Certificate', certText, 'cert', cert === undefined ? undefined : certUrgency(cert)),
  ];
  const { svg, maxMs } = phaseChartSvg(bins);
  const ranges = (Object.keys(CHART_RANGES) as ChartRange[])
    .map((key) => (key === range ? `<li><strong aria-current="page">${key}</strong></li>` : `<li><a href="${rangeLink(key)}">${key}</a></li>`))
    .join('');
  const legend = PHASES.map((phase) => `<li><span class="${PHASE_STYLE[phase].className}"></span>${PHASE_STYLE[phase].label}</li>`).join('') + '<li><span class="p-fail"></span>Failed checks</li>';
  const checks = bins.reduce((sum, bin) => sum + bin.checks, 0);
  const first = bins[0]?.startMs ?? nowMs;

  const body = [
    `<header class="page-head"><p class="brand"><a href="${escapeHtml(base)}">rxmon <span>status</span></a></p><p class="live"><a href="${escapeHtml(base)}">All monitors</a></p></header>`,
    `<section class="card" data-monitor="${name}" data-state="${monitor.state}"><div class="summary-line"><h1 class="headline">${name}</h1> ` +
      `<span class="state state-${monitor.state}" data-field="state"><span class="dot" aria-hidden="true"></span>${STATE_TEXT[monitor.state]}</span><span class="meta">${since}</span></div>` +
      `<p class="meta">${escapeHtml(monitor.spec.method)} ${escapeHtml(url)}${monitor.group === undefined ? '' : ` · group ${escapeHtml(monitor.group)}`} · every ${escapeHtml(formatInterval(monitor.spec.checkEvery))}` +
      `${last ? ` · last check ${escapeHtml(formatClock(last.startedAt))}` : ' · not checked yet'}</p>` +
      (monitor.maintenance
        ? `<p class="meta" data-field="maintenance">In maintenance: ${escapeHtml(monitor.maintenance.name)}${monitor.maintenance.reason === undefined ? '' : ` (${escapeHtml(monitor.maintenance.reason)})`}, ` +
          `${escapeHtml(formatInstant(monitor.maintenance.start))} to ${escapeHtml(formatInstant(monitor.maintenance.end))}; checks go on, alerts wait.</p>`
        : '') +
      (last?.error ? `<p class="err" data-field="error"><code>${escapeHtml(last.error.code)}</code> ${escapeHtml(last.error.message)}</p>` : '') +
      `<dl class="figures">${figures.join('')}</dl></section>`,
    `<section class="card" aria-labelledby="chart-title"><h2 id="chart-title">Response time, last ${range}</h2><ul class="ranges">${ranges}</ul>` +
      `<figure class="chart-wrap">${svg}<figcaption class="axis"><span>${escapeHtml(formatInstant(first))}</span><span>${checks} checks · top ${formatLatency(maxMs)}</span><span>${escapeHtml(formatInstant(nowMs))}</span></figcaption></figure>` +
      `<ul class="legend">${legend}</ul></section>`,
    `<section class="card" aria-labelledby="incidents-title"><h2 id="incidents-title">Incidents</h2>${renderIncidents(incidents)}</section>`,
    `<section class="card" aria-labelledby="results-title"><h2 id="results-title">Latest results</h2>${renderResults(results)}</section>`,
    `<footer class="page-foot">Rendered ${escapeHtml(formatInstant(nowMs))} · rxmon</footer>`,
  ].join('\n');
  return renderDocument({ title: `${monitor.state === 'down' ? '(down) ' : ''}${monitor.name} · rxmon status`, body });
}

function renderIncidents(incidents: readonly Incident[]): string {
  if (incidents.length === 0) return '<p class="none" data-field="incidents">No incidents stored.</p>';
  const rows = incidents
    .map(
      (incident) =>
        `<tr data-incident="${incident.end === undefined ? 'open' : 'closed'}"><td>${escapeHtml(formatInstant(incident.start))}</td>` +
        `<td>${incident.end === undefined ? '<strong>ongoing</strong>' : escapeHtml(formatInstant(incident.end))}</td><td class="num">${formatDuration(incident.durationMs)}</td>` +
        `<td class="err">${incident.cause ? `<code>${escapeHtml(incident.cause.code)}</code> ${escapeHtml(incident.cause.message)}` : UNKNOWN}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="table" data-field="incidents"><thead><tr><th>Down at</th><th>Up again</th><th>Length</th><th>Cause</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function renderResults(results: readonly CheckResult[]): string {
  if (results.length === 0) return '<p class="none">No results stored yet.</p>';
  const rows = results
    .map(
      (result) =>
        `<tr data-ok="${result.ok}"><td>${escapeHtml(formatClock(result.startedAt))}</td><td>${result.ok ? 'OK' : '<strong>Failed</strong>'}</td>` +
        `<td class="num">${result.status ?? UNKNOWN}</td><td class="num">${formatLatency(result.durationMs)}</td>` +
        `<td class="err">${result.error ? `<code>${escapeHtml(result.error.code)}</code> <span class="wide">${escapeHtml(result.error.message)}</span>` : ''}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="table" data-field="results"><thead><tr><th>Time</th><th>Result</th><th>Status</th><th>Latency</th><th>Error</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function figure(label: string, value: string, field: string, tone?: 'good' | 'warn' | 'bad'): string {
  return `<div><dt>${label}</dt><dd data-field="${field}"${tone ? ` class="tone-${tone}"` : ''}>${escapeHtml(value)}</dd></div>`;
}

/**
 * The page for a name no monitor has.
 *
 * @param name The name asked for.
 * @param base The way back to `/`.
 * @returns The HTML document (serve it with status 404).
 */
export function renderNotFound(name: string, base = '../'): string {
  return renderDocument({
    title: 'Not found · rxmon status',
    body: `<header class="page-head"><p class="brand"><a href="${escapeHtml(base)}">rxmon <span>status</span></a></p></header><section class="card"><h1 class="headline">No monitor named “${escapeHtml(name)}”</h1><p class="meta"><a href="${escapeHtml(base)}">All monitors</a></p></section>`,
  });
}
