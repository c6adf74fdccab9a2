import { LiveMonitors } from '../../src/live/liveMonitors.js';
import { binBuckets, binResults } from '../../src/statusPage/chartBins.js';
import { renderMonitorPage } from '../../src/statusPage/renderMonitorPage.js';
import { renderOverview } from '../../src/statusPage/renderOverview.js';
import { emptyBucket } from '../../src/storage/aggregates.js';
import { makeResult, makeSpec } from '../support/specs.js';

const EVIL = '<script>alert(1)</script>';
const NOW = Date.parse('2026-01-01T12:00:00Z');

function evilLive(): LiveMonitors {
  const live = new LiveMonitors([makeSpec({ name: 'api', group: EVIL }), makeSpec({ name: 'web' })]);
  const api = live.get('api')!;
  api.state = 'down';
  api.since = '2026-01-01T11:00:00Z';
  api.last = makeResult({ monitor: 'api', ok: false, status: 500, startedAt: '2026-01-01T11:59:00Z', error: { code: 'JSON_MISMATCH', message: `body ${EVIL}` } });
  return live;
}

describe('renderOverview', () => {
  const html = renderOverview({ monitors: evilLive().list(), uptimeOf: (name) => (name === 'api' ? 0.5 : undefined), linkOf: (name) => `monitors/${name}`, nowMs: NOW, version: 1, refreshSeconds: 5 });

  it('escapes groups and error messages', () => {
    expect(html).not.toContain(EVIL);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows the summary, the down monitor in full and groups with a text state', () => {
    expect(html).toContain('1 of 2 monitors down');
    expect(html).toMatch(/<li class="down-card" data-i="0" data-s="down">.*JSON_MISMATCH/);
    expect(html).toContain('<tr data-i=0 data-s=down><td><a href="monitors/api">api</a><td class=st>Down<td>1 ms<td>50%');
    expect(html).toContain('<tr data-i=1 data-s=pending><td><a href="monitors/web">web</a><td class=st>Pending<td>—<td>—');
    // The group with a monitor down comes before the ungrouped ones.
    expect(html.indexOf('data-g="&lt;script&gt;')).toBeLessThan(html.indexOf('data-g="Ungrouped"'));
  });
});

describe('renderMonitorPage', () => {
  it('escapes the error, shows the uptime windows, the chart, the incident and the results', () => {
    const monitor = evilLive().get('api')!;
    const bins = binResults([monitor.last!, makeResult({ monitor: 'api', startedAt: '2026-01-01T11:58:00Z', timings: { dnsMs: 1, connectMs: 2, tlsMs: 0, firstByteMs: 5, transferMs: 1 } })], {
      sinceMs: NOW - 3_600_000,
      untilMs: NOW,
      binMs: 60_000,
    });
    const html = renderMonitorPage({
      monitor,
      url: 'http://127.0.0.1:1/',
      uptime: { '24h': 0.5, '1y': 0.999 },
      range: '1h',
      bins,
      incidents: [{ start: '2026-01-01T11:00:00Z', durationMs: 3_600_000, cause: monitor.last!.error! }],
      results: [monitor.last!],
      nowMs: NOW,
      base: '../',
      self: 'monitors/api',
    });
    expect(html).not.toContain(EVIL);
    expect(html).toContain('body &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<dd data-field="uptime-24h">50%</dd>');
    expect(html).toContain('<dd data-field="uptime-1y">99.9%</dd>');
    expect(html).toContain('<dd data-field="uptime-7d">—</dd>');
    expect(html).toContain('class="p-first"');
    expect(html).toContain('class="p-fail"');
    expect(html).toContain('<tr data-incident="open">');
    expect(html).toContain('href="../monitors/api?range=24h"');
  });
});

describe('chart bins', () => {
  it('averages phases per bin from buckets (phase sum / count)', () => {
    const bucket = emptyBucket('api', NOW - 3_600_000);
    Object.assign(bucket, { checks: 4, ok: 3, latencySumMs: 40 });
    bucket.phases = { dnsMs: 4, connectMs: 8, tlsMs: 0, firstByteMs: 20, transferMs: 4, count: 4 };
    const [bin] = binBuckets([bucket], { sinceMs: NOW - 3_600_000, untilMs: NOW, binMs: 3_600_000 });
    expect(bin).toEqual({ startMs: NOW - 3_600_000, widthMs: 3_600_000, checks: 4, failed: 1, latencyMs: 10, phases: { dnsMs: 1, connectMs: 2, tlsMs: 0, firstByteMs: 5, transferMs: 1 } });
  });
});
