import { parseConfig } from '../../src/config/parseConfig.js';
import { configErrorOf } from '../support/configErrors.js';

const MONITOR = 'monitors:\n  ok:\n    url: http://127.0.0.1/\n';
const PG = 'storage: { type: postgres, url: "postgres://u:p@db/rxmon" }\n';

const messageOf = configErrorOf;

describe('cluster: in the config', () => {
  it('is off by default, with the documented defaults', () => {
    expect(parseConfig(MONITOR, 'c.yml', {}).cluster).toEqual({ enabled: false, slots: 256, heartbeatEvery: 1_000, fenceAfter: 3_000 });
  });

  it('takes every key, snake_case, durations in seconds', () => {
    const { cluster } = parseConfig(`${PG}cluster:\n  enabled: true\n  instance: rxmon-0\n  slots: 64\n  heartbeat_every: 0.5\n  fence_after: 2\n${MONITOR}`, 'c.yml', {});
    expect(cluster).toEqual({ enabled: true, instance: 'rxmon-0', slots: 64, heartbeatEvery: 500, fenceAfter: 2_000 });
  });

  it.each([
    ['enabled without postgres', 'cluster:\n  enabled: true\n', 'bad.yml:2: cluster.enabled: needs storage.type: postgres (the instances coordinate through PostgreSQL), got memory'],
    ['enabled on sqlite', 'storage: { type: sqlite }\ncluster: { enabled: true }\n', 'bad.yml:2: cluster.enabled: needs storage.type: postgres (the instances coordinate through PostgreSQL), got sqlite'],
    ['a fencing bound under two heartbeats', `${PG}cluster:\n  enabled: true\n  heartbeat_every: 2\n  fence_after: 3\n`, 'bad.yml:5: cluster.fence_after: must be at least twice heartbeat_every'],
    ['too many slots', `${PG}cluster:\n  slots: 5000\n`, 'bad.yml:3: cluster.slots: expected a whole number from 1 to 4096'],
    ['a misspelt key', `${PG}cluster:\n  enable: true\n`, 'bad.yml:3: cluster.enable: unknown key (did you mean enabled?)'],
  ])('rejects %s with file:line: key: problem', (_name, yaml, expected) => {
    expect(messageOf(`${yaml}${MONITOR}`)).toBe(expected);
  });
});
