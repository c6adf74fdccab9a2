import type { CheckError } from '../check/checkResult.js';
import type { MonitorView, PageState } from './monitorView.js';
import { renderMonitorCard } from './renderMonitorCard.js';
import { pageTitle } from './renderStatusPage.js';
import { renderSummary } from './renderSummary.js';

/** Sent on connect and after each reload: the monitors now configured, in page order. */
export interface MonitorsEvent {
  type: 'monitors';
  monitors: string[];
}

/** Sent after each check (and on connect, for each monitor checked so far). */
export interface CheckEvent {
  type: 'check';
  monitor: string;
  state: PageState;
  ok: boolean;
  /** Absent when no response arrived. */
  status?: number;
  latencyMs: number;
  /** Present when the check failed. */
  error?: CheckError;
  /** Share of ok checks over the last hour and day, 0 to 1. */
  uptime: { lastHour?: number; lastDay?: number };
  /** For https: days until the certificate expires. */
  certExpiresInDays?: number;
  /** When the check started, ISO 8601. */
  checkedAt: string;
  /** The monitor's card, rendered and escaped (the page swaps it in place; its sparkline is the SVG inside). */
  cardHtml: string;
  /** The page's summary after this check. */
  summaryHtml: string;
  /** The page's title after this check. */
  title: string;
}

/** What `GET /events` sends, one JSON `data:` line each. */
export type StatusEvent = MonitorsEvent | CheckEvent;

/**
 * The event for a monitor's latest check.
 *
 * @param view The monitor's view after the check.
 * @param states Every monitor's state (for the summary and title).
 * @param historySize The sparkline's width in checks.
 * @returns The event, or `undefined` when the monitor has not been checked yet.
 */
export function checkEvent(view: MonitorView, states: readonly PageState[], historySize: number): CheckEvent | undefined {
  const last = view.lastCheck;
  if (!last) return undefined;
  return {
    type: 'check',
    monitor: view.name,
    state: view.state,
    ok: last.ok,
    ...(last.status === undefined ? {} : { status: last.status }),
    latencyMs: last.latencyMs,
    ...(!last.ok && view.lastError ? { error: { code: view.lastError.code, message: view.lastError.message } } : {}),
    uptime: view.uptime,
    ...(view.certExpiresInDays === undefined ? {} : { certExpiresInDays: view.certExpiresInDays }),
    checkedAt: last.at,
    cardHtml: renderMonitorCard(view, historySize),
    summaryHtml: renderSummary(states),
    title: pageTitle(states),
  };
}
