import { createHash } from 'node:crypto';
import type { MonitorView } from '../../src/statusPage/monitorView.js';
import { PAGE_SCRIPT } from '../../src/statusPage/pageScript.js';
import { renderMonitorCard } from '../../src/statusPage/renderMonitorCard.js';
import { STATUS_PAGE_CSP, pageTitle, renderStatusPage } from '../../src/statusPage/renderStatusPage.js';
import { renderSummary } from '../../src/statusPage/renderSummary.js';

const HOSTILE = `<script>alert("x")</script>&'`;

function view(overrides: Partial<MonitorView> = {}): MonitorView {
  return {
    name: 'api',
    method: 'GET',
    url: 'https://bob:***@example.com/health',
    checkEvery: 30_000,
    state: 'up',
    lastCheck: { at: '2026-01-01T12:00:05.000Z', latencyMs: 41, ok: true, status: 200 },
    uptime: { lastHour: 1, lastDay: 0.9995 },
    certExpiresInDays: 42.5,
    history: [
      { latencyMs: 40, ok: true, status: 200 },
      { latencyMs: 41, ok: true, status: 200 },
    ],
    ...overrides,
  };
}

const downView = (): MonitorView =>
  view({
    name: 'checkout',
    url: 'http://127.0.0.1:8080/',
    state: 'down',
    lastCheck: { at: '2026-01-01T12:00:05.000Z', latencyMs: 3, ok: false },
    lastError: { at: '2026-01-01T12:00:05.000Z', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8080' },
    certExpiresInDays: undefined,
    history: [
      { latencyMs: 40, ok: true },
      { latencyMs: 3, ok: false },
      { latencyMs: 3, ok: false },
    ],
  });

describe('renderMonitorCard', () => {
  it('carries data-monitor and data-state, and states the state in words as well as colour', () => {
    const card = renderMonitorCard(downView(), 10);
    expect(card).toMatch(/^<article class="monitor" data-monitor="checkout" data-state="down">/);
    expect(card).toContain('<span class="state state-down" data-field="state"><span class="dot" aria-hidden="true"></span>Down</span>');
  });

  it('shows the last status, latency, uptimes and certificate days', () => {
    const card = renderMonitorCard(view(), 10);
    expect(card).toContain('<dd data-field="status">200</dd>');
    expect(card).toContain('<dd data-field="latency">41 ms</dd>');
    expect(card).toContain('<dd data-field="uptime-hour">100%</dd>');
    expect(card).toContain('<dd data-field="uptime-day">99.95%</dd>');
    expect(card).toMatch(/data-field="cert">.*expires in 42 days/);
  });

  it('shows the error of a failing monitor, and no certificate line for http', () => {
    const card = renderMonitorCard(downView(), 10);
    expect(card).toContain('<code>ECONNREFUSED</code> connect ECONNREFUSED 127.0.0.1:8080');
    expect(card).toContain('<dd data-field="status" class="tone-bad">none</dd>');
    expect(card).not.toContain('data-field="cert"');
  });

  it('marks the failures in its sparkline', () => {
    const card = renderMonitorCard(downView(), 10);
    expect(card.match(/class="spark-fail"/g)).toHaveLength(2);
    expect(card).toContain('Last 3 checks: 40 to 40 ms, 2 failed');
  });

  it('shows a pending monitor without checks', () => {
    const card = renderMonitorCard(view({ state: 'pending', lastCheck: undefined, uptime: {}, history: [], certExpiresInDays: undefined }), 10);
    expect(card).toContain('data-state="pending"');
    expect(card).toContain('Pending</span>');
    expect(card).toContain('<dd data-field="latency">—</dd>');
    expect(card).toContain('Waiting for the first check');
    expect(card).toMatch(/data-field="cert">.*not seen yet/);
  });

  it('escapes every piece of user data', () => {
    const card = renderMonitorCard(
      view({
        name: HOSTILE,
        method: HOSTILE,
        url: `https://example.com/${HOSTILE}`,
        state: 'down',
        lastCheck: { at: HOSTILE, latencyMs: 1, ok: false },
        lastError: { at: HOSTILE, code: HOSTILE, message: HOSTILE },
      }),
      10,
    );
    expect(card).not.toContain('<script>');
    expect(card).not.toContain(`"x"`);
    expect(card).toContain('data-monitor="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"');
    expect(card).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</span>');
  });
});

describe('renderSummary', () => {
  it.each([
    [['up', 'up'], 'up', 'All 2 monitors up'],
    [['up'], 'up', 'The monitor is up'],
    [['up', 'down', 'pending'], 'down', '1 of 3 monitors down'],
    [['up', 'pending'], 'pending', '1 of 2 monitors up, 1 pending'],
    [['pending'], 'pending', 'Waiting for the first results'],
    [[], 'empty', 'No monitors configured'],
  ] as const)('sums up %p as %p: %p', (states, overall, headline) => {
    const html = renderSummary(states);
    expect(html).toContain(`data-overall="${overall}"`);
    expect(html).toContain(`<p class="headline">${headline}</p>`);
  });

  it('puts the down count in the title', () => {
    expect(pageTitle(['up', 'down', 'down'])).toBe('(2 down) rxmon status');
    expect(pageTitle(['up'])).toBe('rxmon status');
  });
});

describe('renderStatusPage', () => {
  const html = renderStatusPage({ views: [view(), downView()], historySize: 10, refreshSeconds: 15, renderedAt: '2026-01-01T12:00:06.000Z' });

  it('is a whole HTML document readable on a phone', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>(1 down) rxmon status</title>');
  });

  it('refreshes itself without JavaScript only: the meta refresh sits in <noscript>', () => {
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="15"></noscript>');
    expect(html.match(/http-equiv="refresh"/g)).toHaveLength(1);
  });

  it('lists every monitor with its state, and the summary', () => {
    expect([...html.matchAll(/data-monitor="([^"]+)" data-state="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['api', 'up'],
      ['checkout', 'down'],
    ]);
    expect(html).toContain('1 of 2 monitors down');
  });

  it('inlines its style and script, and its CSP allows exactly those', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toBe(PAGE_SCRIPT);
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(STATUS_PAGE_CSP).toContain(`style-src ${sha(style)}`);
    expect(STATUS_PAGE_CSP).toContain(`script-src ${sha(script)}`);
    expect(STATUS_PAGE_CSP).toContain("default-src 'none'");
  });

  it('says when there are no monitors', () => {
    expect(renderStatusPage({ views: [], historySize: 10, refreshSeconds: 30, renderedAt: '2026-01-01T12:00:06.000Z' })).toContain('No monitors configured.');
  });
});
