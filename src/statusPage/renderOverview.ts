import type { LiveMonitor } from '../live/liveMonitors.js';
import { escapeHtml } from './escapeHtml.js';
import { UNKNOWN, formatClock, formatDuration, formatLatency, formatPercent } from './formatFigures.js';
import { renderDocument } from './pageDocument.js';

/** A monitor's state on the page. */
export type PageState = LiveMonitor['state'];

/** The text label of each state: the page never relies on colour alone. */
export const STATE_TEXT: Readonly<Record<PageState, string>> = { up: 'Up', down: 'Down', pending: 'Pending', maintenance: 'Maintenance' };

/** Where the monitors without a `group` are listed. */
export const UNGROUPED = 'Ungrouped';

/** At most this many down monitors are drawn in full at the top; the rest are in their groups. */
export const MAX_DOWN_CARDS = 200;

/** With at most this many monitors every group starts open. */
export const OPEN_GROUPS_UP_TO = 100;

/** What {@link renderOverview} draws. */
export interface OverviewContent {
  /** Every monitor, in config order: a monitor's index here is its `data-i` (the deltas' `i`). */
  monitors: readonly LiveMonitor[];
  /** A monitor's uptime over the last 24 h, 0 to 1, if known. */
  uptimeOf: (name: string) => number | undefined;
  /** The link to a monitor's page, relative to `/`. */
  linkOf: (name: string) => string;
  /** Now, ms since the epoch (the render time, which `/events?since=` continues from). */
  nowMs: number;
  /** The monitor list's version (a reload bumps it; a page of another version reloads). */
  version: number;
  /** The meta refresh period without JavaScript, seconds. */
  refreshSeconds: number;
}

/** How many monitors are in each state. */
export type StateCounts = Record<PageState, number>;

/**
 * @param states Every monitor's state.
 * @returns The count per state.
 */
export function countStates(states: Iterable<PageState>): StateCounts {
  const counts: StateCounts = { up: 0, down: 0, pending: 0, maintenance: 0 };
  for (const state of states) counts[state] += 1;
  return counts;
}

/**
 * The summary's headline (the overview's script words it the same way when counts change).
 *
 * @param counts The count per state.
 * @returns Such as `'All 10000 monitors up'`, `'3 of 10000 monitors down'`.
 */
export function headline({ up, down, pending, maintenance }: StateCounts): string {
  const total = up + down + pending + maintenance;
  const monitors = total === 1 ? '1 monitor' : `${total} monitors`;
  if (total === 0) return 'No monitors configured';
  if (down > 0) return `${down} of ${monitors} down`;
  if (pending > 0) return up === 0 ? 'Waiting for the first results' : `${up} of ${monitors} up, ${pending} pending`;
  if (maintenance > 0) return `${up} of ${monitors} up, ${maintenance} in maintenance`;
  return total === 1 ? 'The monitor is up' : `All ${monitors} up`;
}

/**
 * The document's title: the down count first, so a browser tab shows it.
 *
 * @param counts The count per state.
 * @returns Such as `'rxmon status'` or `'(2 down) rxmon status'`.
 */
export function overviewTitle(counts: StateCounts): string {
  return counts.down > 0 ? `(${counts.down} down) rxmon status` : 'rxmon status';
}

const STATE_ORDER: Readonly<Record<PageState, number>> = { down: 0, pending: 1, maintenance: 2, up: 3 };

/**
 * The overview (`GET /`), made for thousands of monitors: the summary on top, a search box (with
 * JavaScript), the monitors that are down in full, then every group collapsed (`<details>`) with
 * one compact row per monitor (name, state in words and colour, latency, uptime 24 h), down ones
 * first. Groups with monitors down come first. Without JavaScript all of it is there (the groups
 * open by a click) and a meta refresh keeps it current; with it, `/events` deltas update rows in place.
 * Every piece of user data is HTML-escaped.
 *
 * @param content The monitors and the page's settings.
 * @returns The HTML document.
 */
export function renderOverview({ monitors, uptimeOf, linkOf, nowMs, version, refreshSeconds }: OverviewContent): string {
  const counts = countStates(monitors.map((monitor) => monitor.state));
  const groups = new Map<string, number[]>();
  const down: number[] = [];
  monitors.forEach((monitor, index) => {
    const group = monitor.group ?? UNGROUPED;
    let members = groups.get(group);
    if (!members) groups.set(group, (members = []));
    members.push(index);
    if (monitor.state === 'down') down.push(index);
  });
  const byState = (a: number, b: number) => STATE_ORDER[monitors[a].state] - STATE_ORDER[monitors[b].state] || a - b;
  const groupOrder = [...groups.entries()]
    .map(([name, members]) => ({ name, members: members.sort(byState), counts: countStates(members.map((index) => monitors[index].state)) }))
    .sort((a, b) => Number(b.counts.down > 0) - Number(a.counts.down > 0) || Number(a.name === UNGROUPED) - Number(b.name === UNGROUPED) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const open = monitors.length <= OPEN_GROUPS_UP_TO;

  const parts: string[] = [];
  parts.push(
    `<header class="page-head"><h1 class="brand">rxmon <span>status</span></h1><p class="live" id="live" data-live="off">Refreshes every ${refreshSeconds} s</p></header>`,
    renderCounts(counts),
    '<div class="card search" id="search" role="search" hidden><input id="q" type="search" placeholder="Search by name or group (state:down, group:payments)" aria-label="Search monitors" autocomplete="off">' +
      '<select id="state" aria-label="State"><option value="">Any state</option><option value="down">Down</option><option value="pending">Pending</option><option value="maintenance">Maintenance</option><option value="up">Up</option></select>' +
      '<output id="matches" for="q state"></output></div>',
  );
  const cards = down.slice(0, MAX_DOWN_CARDS).map((index) => downCard(index, monitors[index], nowMs, linkOf));
  const more = down.length > MAX_DOWN_CARDS ? `<p class="meta">And ${down.length - MAX_DOWN_CARDS} more: they lead their groups below.</p>` : '';
  parts.push(
    `<section class="card" id="down-section" aria-labelledby="down-title"><h2 id="down-title">Down now: <span id="down-count">${down.length}</span></h2>` +
      `<p class="none" id="none-down"${down.length > 0 ? ' hidden' : ''}>No monitor is down.</p>` +
      `<ul class="down-list" id="down">${cards.join('')}</ul>${more}</section>`,
  );
  parts.push('<section id="groups" aria-label="Monitors by group">');
  for (const group of groupOrder) {
    const rows = group.members.map((index) => row(index, monitors[index], uptimeOf, linkOf)).join('');
    parts.push(
      `<details class="group" data-g="${escapeHtml(group.name)}"${open ? ' open' : ''}><summary><span class="g">${escapeHtml(group.name)}</span>${groupCounts(group.counts)}</summary>` +
        `<table class="rows"><thead><tr><th>Monitor<th>State<th>Latency<th>Uptime 24h</thead><tbody>${rows}</tbody></table></details>`,
    );
  }
  if (monitors.length === 0) parts.push('<p class="card none">No monitors configured.</p>');
  parts.push('</section>');
  parts.push(`<footer class="page-foot">Updated <span id="updated">${escapeHtml(formatClock(new Date(nowMs).toISOString()))}</span> · rxmon · live feed: <a href="events">/events</a></footer>`);
  return renderDocument({
    title: overviewTitle(counts),
    body: parts.join('\n'),
    bodyData: { v: String(version), at: String(nowMs), refresh: String(refreshSeconds) },
    noscriptRefreshSeconds: refreshSeconds,
    script: true,
  });
}

function renderCounts(counts: StateCounts): string {
  const overall = counts.up + counts.down + counts.pending + counts.maintenance === 0 ? 'empty' : counts.down > 0 ? 'down' : counts.pending > 0 ? 'pending' : 'up';
  const chips = (['down', 'pending', 'maintenance', 'up'] as const)
    .map((state) => `<span class="chip chip-${state}"><span class="dot" aria-hidden="true"></span><span data-count="${state}">${counts[state]}</span> ${state}</span>`)
    .join('');
  return `<div id="summary" class="card summary summary-${overall}" data-overall="${overall}"><p class="headline" id="headline">${headline(counts)}</p><p class="chips">${chips}</p></div>`;
}

/**
 * A group's counts, as its `<summary>` shows them (the script rewrites them the same way).
 *
 * @param counts The group's count per state.
 * @returns The markup.
 */
export function groupCounts(counts: StateCounts): string {
  const total = counts.up + counts.down + counts.pending + counts.maintenance;
  return (
    `<span class="counts"><span>${total === 1 ? '1 monitor' : `${total} monitors`}</span>` +
    (counts.down > 0 ? `<span class="cd">${counts.down} down</span>` : '') +
    (counts.pending > 0 ? `<span>${counts.pending} pending</span>` : '') +
    (counts.maintenance > 0 ? `<span>${counts.maintenance} in maintenance</span>` : '') +
    '</span>'
  );
}

function row(index: number, monitor: LiveMonitor, uptimeOf: (name: string) => number | undefined, linkOf: (name: string) => string): string {
  const name = escapeHtml(monitor.name);
  const latency = monitor.last ? formatLatency(monitor.last.durationMs) : UNKNOWN;
  // Optional end tags left out: 10,000 rows are a tenth smaller without them.
  const window = monitor.maintenance ? ` title="${escapeHtml(`${monitor.maintenance.name} until ${formatClock(monitor.maintenance.end)}`)}"` : '';
  return `<tr data-i=${index} data-s=${monitor.state}><td><a href="${escapeHtml(linkOf(monitor.name))}">${name}</a><td class=st${window}>${STATE_TEXT[monitor.state]}<td>${latency}<td>${formatPercent(uptimeOf(monitor.name))}`;
}

function downCard(index: number, monitor: LiveMonitor, nowMs: number, linkOf: (name: string) => string): string {
  const last = monitor.last;
  const sinceMs = monitor.since === undefined ? Number.NaN : Date.parse(monitor.since);
  const since = Number.isNaN(sinceMs) ? '' : `down since ${escapeHtml(formatClock(monitor.since!))} (${formatDuration(nowMs - sinceMs)})`;
  const where = [monitor.group === undefined ? '' : escapeHtml(monitor.group), since].filter(Boolean).join(' · ');
  const status = last?.status === undefined || last.error?.message.includes(String(last.status)) ? '' : ` · status ${last.status}`;
  const error = last?.error ? `<p class="err" data-field="error"><code>${escapeHtml(last.error.code)}</code> ${escapeHtml(last.error.message)}${status}</p>` : '';
  return (
    `<li class="down-card" data-i="${index}" data-s="down"><div class="head"><a href="${escapeHtml(linkOf(monitor.name))}">${escapeHtml(monitor.name)}</a><span class="st">Down</span></div>` +
    (where ? `<p>${where}</p>` : '') +
    error +
    '</li>'
  );
}
