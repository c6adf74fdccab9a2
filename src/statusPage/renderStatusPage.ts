import { createHash } from 'node:crypto';
import { escapeHtml } from './escapeHtml.js';
import { formatClock } from './formatFigures.js';
import type { MonitorView, PageState } from './monitorView.js';
import { PAGE_SCRIPT } from './pageScript.js';
import { PAGE_STYLES } from './pageStyles.js';
import { renderMonitorCard } from './renderMonitorCard.js';
import { renderSummary } from './renderSummary.js';

/** What {@link renderStatusPage} draws. */
export interface StatusPageContent {
  /** Every monitor, in the order to show them. */
  views: readonly MonitorView[];
  /** The sparkline's width in checks (the history size). */
  historySize: number;
  /** The meta refresh period used without JavaScript, seconds. */
  refreshSeconds: number;
  /** When the page was rendered, ISO 8601. */
  renderedAt: string;
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's Content-Security-Policy: only its own inline style and script (by hash), events from
 * its own origin, nothing else. A second line of defence behind the escaping of user data.
 */
export const STATUS_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${hash(PAGE_STYLES)}`,
  `script-src ${hash(PAGE_SCRIPT)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The document's title: the down count first, so a browser tab shows it.
 *
 * @param states Every monitor's state.
 * @returns Such as `'rxmon status'` or `'(2 down) rxmon status'`.
 */
export function pageTitle(states: readonly PageState[]): string {
  const down = states.filter((state) => state === 'down').length;
  return down > 0 ? `(${down} down) rxmon status` : 'rxmon status';
}

/**
 * The whole status page, rendered on the server: one HTML document with inline CSS and a small
 * inline script, no framework. Without JavaScript it refreshes itself every `refreshSeconds` (a
 * meta refresh inside `<noscript>`); with JavaScript it stays put and follows `GET /events`.
 *
 * @param content The monitors and the page's settings.
 * @returns The HTML document.
 */
export function renderStatusPage({ views, historySize, refreshSeconds, renderedAt }: StatusPageContent): string {
  const states = views.map((view) => view.state);
  const cards = views.length > 0 ? views.map((view) => renderMonitorCard(view, historySize)).join('\n') : '<p class="empty">No monitors configured.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(pageTitle(states))}</title>
<noscript><meta http-equiv="refresh" content="${refreshSeconds}"></noscript>
<style>${PAGE_STYLES}</style>
</head>
<body data-refresh="${refreshSeconds}">
<main class="page">
<header class="page-head"><h1 class="brand">rxmon <span>status</span></h1><p class="live" id="live" data-live="off">Refreshes every ${refreshSeconds} s</p></header>
${renderSummary(states)}
<section id="monitors" class="monitors" aria-label="Monitors">
${cards}
</section>
<footer class="page-foot">Updated <span id="updated">${escapeHtml(formatClock(renderedAt))}</span> · rxmon · live feed: <a href="events">/events</a></footer>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
