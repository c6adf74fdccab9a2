import { parseResultsQuery } from '../../src/api/resultsQuery.js';

const parse = (query: string) => parseResultsQuery(new URLSearchParams(query));

describe('parseResultsQuery', () => {
  it('defaults limit to 100 and leaves the rest absent', () => {
    expect(parse('')).toEqual({ ok: true, params: { limit: 100 } });
  });

  it.each([
    ['since=2024-01-01T00:00:00Z', { sinceMs: Date.UTC(2024, 0, 1) }],
    ['since=2024-01-01', { sinceMs: Date.UTC(2024, 0, 1) }],
    ['since=2024-01-01T01:00:00.123%2B01:00', { sinceMs: Date.UTC(2024, 0, 1) + 123 }],
    ['until=1704067200000', { untilMs: 1704067200000 }],
    ['limit=1', { limit: 1 }],
    ['limit=1000', { limit: 1000 }],
    ['cursor=1704067200000_42', { cursor: '1704067200000_42' }],
    ['unknown=1', {}],
  ])('reads %s', (query, params) => {
    expect(parse(query)).toEqual({ ok: true, params: { limit: 100, ...params } });
  });

  it.each([
    ['since=yesterday', 'since'],
    ['since=March%207', 'since'],
    ['since=2024-13-45', 'since'],
    ['until=-5', 'until'],
    ['since=2000&until=1000', 'until'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=', 'limit'],
    ['cursor=abc', 'cursor'],
    ['cursor=', 'cursor'],
  ])('refuses %s, naming %s', (query, name) => {
    const parsed = parse(query);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(new RegExp(`^${name}: `));
  });
});
