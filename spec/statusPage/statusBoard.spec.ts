import { StatusBoard } from '../../src/statusPage/statusBoard.js';
import { maskUrl } from '../../src/http/maskUrl.js';
import { makeResult, makeSpec } from '../support/specs.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function boardWith(...names: string[]): StatusBoard {
  const board = new StatusBoard(3, maskUrl);
  board.setMonitors(names.map((name) => makeSpec({ name })));
  return board;
}

describe('StatusBoard', () => {
  it('lists every configured monitor in config order, pending before any result', () => {
    const board = boardWith('b', 'a');
    expect(board.views(NOW).map(({ name, state }) => ({ name, state }))).toEqual([
      { name: 'b', state: 'pending' },
      { name: 'a', state: 'pending' },
    ]);
  });

  it('keeps only the last historySize results per monitor', () => {
    const board = boardWith('api');
    for (let i = 1; i <= 10; i += 1) board.record(makeResult({ monitor: 'api', durationMs: i }), NOW);
    expect(board.views(NOW)[0].history.map((sample) => sample.latencyMs)).toEqual([8, 9, 10]);
  });

  it('remembers the last status, latency, error and certificate days', () => {
    const board = boardWith('api');
    board.record(makeResult({ monitor: 'api', certExpiresInDays: 40.5 }), NOW);
    const error = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' };
    const view = board.record(makeResult({ monitor: 'api', ok: false, status: undefined, durationMs: 3.4, error, startedAt: '2026-01-01T12:00:05.000Z' }), NOW);
    expect(view).toMatchObject({
      lastCheck: { ok: false, latencyMs: 3, at: '2026-01-01T12:00:05.000Z' },
      lastError: { ...error, at: '2026-01-01T12:00:05.000Z' },
      certExpiresInDays: 40.5,
      uptime: { lastHour: 0.5, lastDay: 0.5 },
    });
    expect(view?.lastCheck).not.toHaveProperty('status');
  });

  it('ignores results of monitors it does not know', () => {
    const board = boardWith('api');
    expect(board.record(makeResult({ monitor: 'gone' }), NOW)).toBeUndefined();
    expect(board.names()).toEqual(['api']);
  });

  it('shows URLs with their password masked', () => {
    const board = new StatusBoard(3, maskUrl);
    board.setMonitors([makeSpec({ name: 'api', url: 'https://bob:hunter2@example.com/health' })]);
    expect(board.views(NOW)[0].url).toBe('https://bob:***@example.com/health');
  });

  describe('on a new monitor list', () => {
    it('keeps unchanged monitors, restarts changed ones, drops removed ones and adds new ones as pending', () => {
      const board = new StatusBoard(3, maskUrl);
      board.setMonitors([makeSpec({ name: 'same' }), makeSpec({ name: 'changed' }), makeSpec({ name: 'removed' })]);
      for (const name of ['same', 'changed', 'removed']) {
        board.record(makeResult({ monitor: name }), NOW);
        board.decide(name, 'up');
      }

      const restarted = board.setMonitors([makeSpec({ name: 'same' }), makeSpec({ name: 'changed', checkEvery: 1_000 }), makeSpec({ name: 'added' })]);

      expect(restarted.sort()).toEqual(['changed', 'removed']);
      expect(board.views(NOW).map(({ name, state, history }) => ({ name, state, checks: history.length }))).toEqual([
        { name: 'same', state: 'up', checks: 1 },
        { name: 'changed', state: 'pending', checks: 0 },
        { name: 'added', state: 'pending', checks: 0 },
      ]);
    });
  });

  it('gives each monitor its own thresholds', () => {
    const board = new StatusBoard(3, maskUrl);
    board.setMonitors([makeSpec({ name: 'api', failureThreshold: 1, successThreshold: 5 })]);
    expect(board.thresholdsFor('api')).toEqual({ failureThreshold: 1, successThreshold: 5 });
    expect(board.thresholdsFor('other')).toBeUndefined();
  });
});
