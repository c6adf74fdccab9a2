import { escapeHtml } from './escapeHtml.js';
import { UNKNOWN, certUrgency, formatCertDays, formatClock, formatInterval, formatLatency, formatPercent } from './formatFigures.js';
import type { MonitorView, PageState } from './monitorView.js';
import { describeSparkline, sparklineSvg } from './sparklineSvg.js';

/** The text label of each state: the page never relies on colour alone. */
export const STATE_LABELS: Readonly<Record<PageState, string>> = { up: 'Up', down: 'Down', pending: 'Pending' };

/**
 * One monitor's card: an `<article>` carrying `data-monitor="<name>"` and `data-state="up|down|pending"`,
 * with the state (colour and label), the target, the last status and latency, uptime over the last
 * hour and day, the certificate's days left (https), a latency sparkline and the last error. Every
 * piece of user data is HTML-escaped. `GET /` renders it, and `/events` sends it so the page can
 * swap the card in place.
 *
 * @param view The monitor's view.
 * @param historySize The sparkline's width in checks.
 * @returns The card's markup.
 */
export function renderMonitorCard(view: MonitorView, historySize: number): string {
  const name = escapeHtml(view.name);
  const { lastCheck, lastError } = view;
  const failing = lastCheck !== undefined && !lastCheck.ok;
  const figures = [
    figure('Status', lastCheck?.status === undefined ? (lastCheck ? 'none' : UNKNOWN) : String(lastCheck.status), 'status', failing ? 'bad' : undefined),
    figure('Latency', formatLatency(lastCheck?.latencyMs), 'latency'),
    figure('Uptime 1h', formatPercent(view.uptime.lastHour), 'uptime-hour'),
    figure('Uptime 24h', formatPercent(view.uptime.lastDay), 'uptime-day'),
  ];
  const cert = view.certExpiresInDays !== undefined || /^https:/i.test(view.url) ? renderCert(view.certExpiresInDays) : '';
  const error = lastError
    ? `<p class="error${failing ? '' : ' error-past'}" data-field="error"><span class="error-label">${failing ? 'Error' : `Last error ${escapeHtml(formatClock(lastError.at))}`}</span> ` +
      `<code>${escapeHtml(lastError.code)}</code> ${escapeHtml(lastError.message)}</p>`
    : '';
  const checked = lastCheck ? `Last check ${escapeHtml(formatClock(lastCheck.at))}` : 'Waiting for the first check';
  return (
    `<article class="monitor" data-monitor="${name}" data-state="${view.state}">` +
    `<header class="monitor-head"><h2 class="monitor-name">${name}</h2>` +
    `<span class="state state-${view.state}" data-field="state"><span class="dot" aria-hidden="true"></span>${STATE_LABELS[view.state]}</span></header>` +
    `<p class="target"><span class="method">${escapeHtml(view.method)}</span> <span class="url">${escapeHtml(view.url)}</span></p>` +
    `<dl class="figures">${figures.join('')}</dl>` +
    cert +
    `<figure class="spark-wrap" data-field="sparkline">${sparklineSvg(view.history, historySize)}` +
    `<figcaption>${escapeHtml(describeSparkline(view.history))}</figcaption></figure>` +
    error +
    `<p class="checked">${checked} · every ${escapeHtml(formatInterval(view.checkEvery))}</p>` +
    `</article>`
  );
}

function renderCert(days: number | undefined): string {
  const text = days === undefined ? 'not seen yet' : days < 0 ? 'expired' : `expires in ${formatCertDays(days)}`;
  const tone = days === undefined ? '' : ` tone-${certUrgency(days)}`;
  return `<p class="cert${tone}" data-field="cert"><span class="cert-label">TLS certificate</span> ${text}</p>`;
}

function figure(label: string, value: string, field: string, tone?: 'good' | 'warn' | 'bad'): string {
  const toneClass = tone ? ` class="tone-${tone}"` : '';
  return `<div><dt>${label}</dt><dd data-field="${field}"${toneClass}>${escapeHtml(value)}</dd></div>`;
}
