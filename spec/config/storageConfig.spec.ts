import { parseConfig } from '../../src/config/parseConfig.js';
import { DEFAULT_RETENTION } from '../../src/storage/retention.js';
import { configErrorOf } from '../support/configErrors.js';

const MONITOR = 'monitors:\n  ok:\n    url: http://127.0.0.1/\n';

const messageOf = configErrorOf;

describe('storage: in the config', () => {
  it('is memory when absent, so existing configs keep working', () => {
    expect(parseConfig(MONITOR, 'c.yml', {}).storage).toEqual({
      type: 'memory',
      flushEvery: 1_000,
      bufferSize: 100_000,
      pruneEvery: 600_000,
      retention: DEFAULT_RETENTION,
    });
  });

  it('defaults the sqlite path to data/rxmon.sqlite', () => {
    expect(parseConfig(`storage: { type: sqlite }\n${MONITOR}`, 'c.yml', {}).storage.path).toBe('data/rxmon.sqlite');
  });

  it('reads every key, retention in days', () => {
    const { storage } = parseConfig(
      `storage:\n  type: sqlite\n  path: /var/lib/rxmon/db.sqlite\n  flush_every: 0.5\n  buffer_size: 500\n  prune_every: 1m\n  retention:\n    results: 36h\n    failures: 90d\n    changes: 730d\n    hourly: 60d\n    daily: 1000d\n${MONITOR}`,
      'c.yml',
      {},
    );
    expect(storage).toEqual({
      type: 'sqlite',
      path: '/var/lib/rxmon/db.sqlite',
      flushEvery: 500,
      bufferSize: 500,
      pruneEvery: 60_000,
      retention: { results: 36 * 3_600_000, failures: 90 * 86_400_000, changes: 730 * 86_400_000, hourly: 60 * 86_400_000, daily: 1000 * 86_400_000 },
    });
  });

  it('takes the postgres URL from the environment and keeps its password secret', () => {
    const config = parseConfig(`storage:\n  type: postgres\n  url: postgres://rxmon:\${PGPASSWORD}@127.0.0.1:5432/rxmon\n${MONITOR}`, 'c.yml', { PGPASSWORD: 'hunter2-pg' });
    expect(config.storage.url).toBe('postgres://rxmon:hunter2-pg@127.0.0.1:5432/rxmon');
    expect(config.secrets).toContain('hunter2-pg');
  });

  it('keeps a literal password in the URL secret too', () => {
    expect(parseConfig(`storage: { type: postgres, url: "postgres://u:literal-pw@db/rxmon" }\n${MONITOR}`, 'c.yml', {}).secrets).toContain('literal-pw');
  });

  it.each([
    ['an unknown type', 'storage:\n  type: mysql\n', 'bad.yml:2: storage.type: expected one of sqlite, postgres, memory'],
    ['postgres without url', 'storage:\n  type: postgres\n', 'bad.yml:1: storage: missing required key url (type: postgres needs postgres://user:password@host:5432/database)'],
    ['a url that is not postgres', 'storage:\n  type: postgres\n  url: mysql://db/x\n', 'bad.yml:3: storage.url: expected a postgres:// or postgresql:// URL'],
    ['a url for sqlite', 'storage:\n  type: sqlite\n  url: postgres://db/x\n', 'bad.yml:3: storage.url: only for type: postgres'],
    ['a path for postgres', 'storage:\n  type: postgres\n  url: postgres://db/x\n  path: a.db\n', 'bad.yml:4: storage.path: only for type: sqlite'],
    ['an empty path', 'storage:\n  type: sqlite\n  path: ""\n', 'bad.yml:3: storage.path: expected a non-empty string'],
    ['a misspelt key', 'storage:\n  type: sqlite\n  retension: {}\n', 'bad.yml:3: storage.retension: unknown key (did you mean retention?)'],
    ['a bad retention', 'storage:\n  retention:\n    results: forever\n', 'bad.yml:3: storage.retention.results: expected a positive duration such as "2d", "36h" or "400d"'],
    ['a zero buffer', 'storage:\n  buffer_size: 0\n', 'bad.yml:2: storage.buffer_size: expected a whole number from 1 to 10000000'],
    ['not a map', 'storage: sqlite\n', 'bad.yml:1: storage: expected a map, got a string'],
  ])('rejects %s with file:line: key: problem', (_name, yaml, expected) => {
    expect(messageOf(`${yaml}${MONITOR}`)).toBe(expected);
  });

  it('never echoes the URL (it holds the password) in an error', () => {
    expect(messageOf(`storage:\n  type: postgres\n  url: "ftp://u:s3cret-pw@db/x"\n${MONITOR}`)).not.toMatch(/s3cret-pw/);
  });
});
