import { parsePingPath } from '../../src/heartbeat/parsePingPath.js';

describe('parsePingPath', () => {
  it.each([
    { path: '/ping/backup/t0ken', expected: { name: 'backup', token: 't0ken', kind: 'success' } },
    { path: '/ping/backup/t0ken/fail', expected: { name: 'backup', token: 't0ken', kind: 'fail' } },
    { path: '/ping/backup/t0ken/start', expected: { name: 'backup', token: 't0ken', kind: 'start' } },
    { path: '/ping/db.dump-1/t%30ken', expected: { name: 'db.dump-1', token: 't0ken', kind: 'success' } },
    { path: '/ping/backup', expected: undefined },
    { path: '/ping/backup/', expected: undefined },
    { path: '/ping//t0ken', expected: undefined },
    { path: '/ping/backup/t0ken/finish', expected: undefined },
    { path: '/ping/backup/t0ken/fail/', expected: undefined },
    { path: '/ping/backup/%E0%A4%A', expected: undefined },
    { path: '/pong/backup/t0ken', expected: undefined },
  ])('reads $path', ({ path, expected }) => {
    expect(parsePingPath(path)).toEqual(expected);
  });
});
