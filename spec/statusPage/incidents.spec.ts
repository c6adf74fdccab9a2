import type { MonitorState } from '../../src/operators/health.js';
import { incidentsOf } from '../../src/statusPage/incidents.js';
import { makeResult } from '../support/specs.js';

const change = (state: 'up' | 'down', since: string): MonitorState => ({
  monitor: 'api',
  state,
  since,
  consecutive: 1,
  result: makeResult({ monitor: 'api', ok: state === 'up', startedAt: since, ...(state === 'down' ? { status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } } : {}) }),
});
const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('incidentsOf', () => {
  it('pairs each down with the next up, newest first, and keeps the open one', () => {
    const incidents = incidentsOf(
      [change('up', '2026-01-01T08:00:00Z'), change('down', '2026-01-01T09:00:00Z'), change('up', '2026-01-01T09:05:00Z'), change('down', '2026-01-01T11:00:00Z')],
      NOW,
    );
    expect(incidents).toEqual([
      { start: '2026-01-01T11:00:00Z', durationMs: 3_600_000, cause: { code: 'UNEXPECTED_STATUS', message: 'status 503' }, status: 503 },
      { start: '2026-01-01T09:00:00Z', end: '2026-01-01T09:05:00Z', durationMs: 300_000, cause: { code: 'UNEXPECTED_STATUS', message: 'status 503' }, status: 503 },
    ]);
  });

  it('has nothing to say without changes', () => {
    expect(incidentsOf([], NOW)).toEqual([]);
  });
});
