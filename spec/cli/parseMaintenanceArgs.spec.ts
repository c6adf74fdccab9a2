import { UsageError } from '../../src/cli/parseCliArgs.js';
import { parseMaintenanceArgs } from '../../src/cli/parseMaintenanceArgs.js';

describe('parseMaintenanceArgs', () => {
  it.each([
    [['start', '--monitor', 'api', '--for', '30m', '--reason', 'deploy'], { action: 'start', config: 'config/config.yml', help: false, target: { monitor: 'api' }, forMs: 1_800_000, reason: 'deploy' }],
    [['stop', '--group', 'payments', '-c', 'x.yml'], { action: 'stop', config: 'x.yml', help: false, target: { group: 'payments' } }],
    [['list', '--url', 'http://127.0.0.1:9115'], { action: 'list', config: 'config/config.yml', help: false, url: 'http://127.0.0.1:9115' }],
    [['--help'], { config: 'config/config.yml', help: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseMaintenanceArgs(argv, {})).toEqual(expected);
  });

  it('takes the config and the URL from the environment', () => {
    expect(parseMaintenanceArgs(['list'], { RXMON_CONFIG: 'env.yml', RXMON_URL: 'http://h:1' })).toEqual({ action: 'list', config: 'env.yml', help: false, url: 'http://h:1' });
  });

  it.each([
    [[], 'maintenance: expected start, stop or list'],
    [['pause'], 'maintenance: unknown action "pause" (expected start, stop or list)'],
    [['start', '--for', '5m'], 'maintenance start: give exactly one of --monitor and --group'],
    [['start', '--monitor', 'a', '--group', 'b', '--for', '5m'], 'maintenance start: give exactly one of --monitor and --group'],
    [['start', '--monitor', 'a'], 'maintenance start: --for is required (such as --for 30m)'],
    [['start', '--monitor', 'a', '--for', 'soon'], '--for: expected a duration such as 30m or 2h, got "soon"'],
    [['start', '--monitor', 'a', '--for', '31d'], '--for: expected at most 30d'],
    [['stop', '--monitor', 'a', '--for', '5m'], '--for: not for maintenance stop'],
    [['list', '--monitor', 'a'], '--monitor: not for maintenance list'],
    [['start', '--monitor', ' ', '--for', '5m'], '--monitor: expected a name'],
    [['list', '--url', 'ftp://x'], '--url: expected http://host:port, got "ftp://x"'],
    [['list', 'extra'], 'maintenance list: unexpected argument "extra"'],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseMaintenanceArgs(argv, {})).toThrow(new UsageError(message));
  });
});
