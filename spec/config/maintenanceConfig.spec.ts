import { parseConfig } from '../../src/config/parseConfig.js';

const MONITORS = 'monitors:\n  api: { url: "http://127.0.0.1/", group: payments }\n  web: { url: "http://127.0.0.1/web" }\n';

describe('maintenance: in the config', () => {
  it('resolves one-off and recurring windows, weekdays into a cron pattern, defaults filled', () => {
    const config = parseConfig(
      `${MONITORS}maintenance:\n` +
        '  - { name: migration, groups: [payments], start: "2026-12-05T22:00:00+01:00", end: "2026-12-06T02:00:00+01:00" }\n' +
        '  - { every: [fri, mon], at: "23:00", duration: 2h, timezone: Europe/Berlin, monitors: [web] }\n' +
        '  - { cron: "30 2 * * *", duration: 30m }\n' +
        '  - { every: day, at: "4:05", duration: 90 }\n',
      'config.yml',
    );
    expect(config.maintenance).toEqual([
      { kind: 'once', name: 'migration', monitors: [], groups: ['payments'], startMs: Date.parse('2026-12-05T21:00:00Z'), endMs: Date.parse('2026-12-06T01:00:00Z') },
      { kind: 'recurring', name: 'maintenance-2', monitors: ['web'], groups: [], cron: '0 23 * * 1,5', timezone: 'Europe/Berlin', durationMs: 7_200_000 },
      { kind: 'recurring', name: 'maintenance-3', monitors: [], groups: [], cron: '30 2 * * *', timezone: 'UTC', durationMs: 1_800_000 },
      { kind: 'recurring', name: 'maintenance-4', monitors: [], groups: [], cron: '5 4 * * 0,1,2,3,4,5,6', timezone: 'UTC', durationMs: 90_000 },
    ]);
  });

  it('is an empty list without maintenance:', () => {
    expect(parseConfig(MONITORS, 'config.yml').maintenance).toEqual([]);
  });
});
