import { incidentsOf } from '../../src/api/incidentsOf.js';
import type { MonitorState } from '../../src/operators/health.js';
import { fakeResult } from '../operators/fakeResult.js';

const change = (state: 'up' | 'down', since: string, code = 'TIMEOUT'): MonitorState => ({
  monitor: 'api',
  state,
  since,
  consecutive: 3,
  result: state === 'down' ? fakeResult({ ok: false, startedAt: since, error: { code, message: `${code} happened` } }) : fakeResult({ ok: true, startedAt: since }),
});

describe('incidentsOf', () => {
  it('is empty without changes', () => {
    expect(incidentsOf([])).toEqual([]);
  });

  it('pairs each down with the next up, newest first, the open one without until', () => {
    expect(
      incidentsOf([
        change('up', 't0'),
        change('down', 't1', 'ECONNREFUSED'),
        change('up', 't2'),
        change('down', 't3', 'TIMEOUT'),
        change('up', 't4'),
        change('down', 't5', 'UNEXPECTED_STATUS'),
      ]),
    ).toEqual([
      { since: 't5', error: { code: 'UNEXPECTED_STATUS', message: 'UNEXPECTED_STATUS happened' } },
      { since: 't3', until: 't4', error: { code: 'TIMEOUT', message: 'TIMEOUT happened' } },
      { since: 't1', until: 't2', error: { code: 'ECONNREFUSED', message: 'ECONNREFUSED happened' } },
    ]);
  });

  it('keeps the first of two downs in a row (a restart in between) as one incident', () => {
    expect(incidentsOf([change('down', 't1', 'A'), change('down', 't2', 'B'), change('up', 't3')])).toEqual([
      { since: 't1', until: 't3', error: { code: 'A', message: 'A happened' } },
    ]);
  });

  it('ignores ups without a down before them (pruned)', () => {
    expect(incidentsOf([change('up', 't1'), change('up', 't2')])).toEqual([]);
  });
});
