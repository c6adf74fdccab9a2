import { LiveMonitors } from '../../src/live/liveMonitors.js';
import { pageDelta } from '../../src/statusPage/pageDeltas.js';
import { renderMonitorPage } from '../../src/statusPage/renderMonitorPage.js';
import { headline, renderOverview } from '../../src/statusPage/renderOverview.js';
import { makeSpec } from '../support/specs.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const WINDOW = { name: 'db <upgrade>', source: 'adhoc' as const, id: 'w1', start: '2026-01-01T11:30:00.000Z', end: '2026-01-01T13:00:00.000Z', reason: 'deploy 1.2' };

function liveWithMaintenance(): LiveMonitors {
  const live = new LiveMonitors([makeSpec({ name: 'api', group: 'payments' }), makeSpec({ name: 'web' })]);
  live.get('web')!.state = 'up';
  live.setMaintenance('api', WINDOW);
  return live;
}

describe('a monitor in maintenance on the status page', () => {
  it('shows the maintenance state in words, counted apart, with the window', () => {
    const html = renderOverview({ monitors: liveWithMaintenance().list(), uptimeOf: () => undefined, linkOf: (name) => `monitors/${name}`, nowMs: NOW, version: 1, refreshSeconds: 5 });
    expect(html).toContain('<tr data-i=0 data-s=maintenance>');
    expect(html).toMatch(/<td class=st title="db &lt;upgrade&gt; until [^"]+">Maintenance<td>/);
    expect(html).toContain('<span data-count="maintenance">1</span> maintenance');
    expect(html).toContain('1 of 2 monitors up, 1 in maintenance');
    expect(html).toContain('<span>1 in maintenance</span>');
  });

  it('says on the monitor page which window, why and until when', () => {
    const monitor = liveWithMaintenance().get('api')!;
    const html = renderMonitorPage({ monitor, url: 'http://127.0.0.1:1/', uptime: {}, range: '1h', bins: [], incidents: [], results: [], nowMs: NOW, base: '../', self: 'monitors/api' });
    expect(html).toContain('data-state="maintenance"');
    expect(html).toContain('<p class="meta" data-field="maintenance">In maintenance: db &lt;upgrade&gt; (deploy 1.2), ');
  });

  it('sends the maintenance state in the live deltas', () => {
    expect(pageDelta(0, liveWithMaintenance().get('api')!, undefined)).toEqual({ i: 0, s: 'maintenance' });
  });

  it('words the headline with monitors in maintenance', () => {
    expect(headline({ up: 3, down: 0, pending: 0, maintenance: 2 })).toBe('3 of 5 monitors up, 2 in maintenance');
    expect(headline({ up: 3, down: 1, pending: 0, maintenance: 2 })).toBe('1 of 6 monitors down');
  });
});
