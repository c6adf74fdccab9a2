import { ConfigError } from '../../src/config/configError.js';
import { parseConfig } from '../../src/config/parseConfig.js';

const TOKEN = 'c0ffee00c0ffee00c0ffee00';
const ENV = { JOB_TOKEN: TOKEN };

/** The message parseConfig throws for a file named `hb.yml`, or `undefined` when it parses. */
function problemOf(yaml: string): string | undefined {
  try {
    parseConfig(yaml, 'hb.yml', ENV);
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

describe('a heartbeat monitor in the config', () => {
  describe('when it is well formed', () => {
    const config = parseConfig(
      [
        'server: { port: 0 }',
        'defaults: { timeout: 2, failure_threshold: 4, group: jobs, headers: { X-A: a } }',
        'monitors:',
        '  backup:',
        '    heartbeat: { expect_every: 5m, grace: 1m, token: "${JOB_TOKEN}" }',
        '  quick:',
        '    heartbeat: { expect_every: 30s, token: "${JOB_TOKEN}x" }',
        '    failure_threshold: 2',
        '  web:',
        '    url: http://127.0.0.1/',
        '',
      ].join('\n'),
      'hb.yml',
      ENV,
    );
    const [backup, quick, web] = config.monitors;

    it('keeps the heartbeat block, durations in ms', () => {
      expect(backup.heartbeat).toEqual({ expectEvery: 300_000, grace: 60_000, token: TOKEN });
    });

    it('fills a grace of 1 minute', () => {
      expect(quick.heartbeat).toEqual({ expectEvery: 30_000, grace: 60_000, token: `${TOKEN}x` });
    });

    it('fills the HTTP keys with what the monitor is: its masked ping path, HEARTBEAT, expect_every, grace', () => {
      expect(backup).toMatchObject({ url: '/ping/backup/***', method: 'HEARTBEAT', checkEvery: 300_000, timeout: 60_000, headers: {}, maxRedirects: 0 });
    });

    it('defaults to thresholds of 1 (one missed deadline or one /fail is down, one good ping is up)', () => {
      expect(backup).toMatchObject({ failureThreshold: 1, successThreshold: 1 });
      expect(quick).toMatchObject({ failureThreshold: 2, successThreshold: 1 });
    });

    it('takes only group from defaults:, whose HTTP keys stay with the url monitors', () => {
      expect(backup.group).toBe('jobs');
      expect(web).toMatchObject({ timeout: 2_000, failureThreshold: 4, headers: { 'X-A': 'a' } });
      expect(web.heartbeat).toBeUndefined();
    });

    it('counts the tokens among the secrets', () => {
      expect(config.secrets).toEqual(expect.arrayContaining([TOKEN, `${TOKEN}x`]));
    });
  });

  describe('when it is not', () => {
    const server = 'server: { port: 0 }\n';
    it.each([
      {
        name: 'no listener',
        yaml: 'monitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: "${JOB_TOKEN}" }\n',
        expected: 'hb.yml:3: monitors.backup.heartbeat: a heartbeat monitor needs the listener (set server.port): jobs ping /ping/<name>/<token> on it',
      },
      {
        name: 'an HTTP-only key',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: "\${JOB_TOKEN}" }\n    timeout: 3\n`,
        expected: 'hb.yml:5: monitors.backup.timeout: only for url monitors: a heartbeat monitor is pinged, not checked',
      },
      {
        name: 'an expect: block',
        yaml: `${server}monitors:\n  backup:\n    expect: { status: [200] }\n    heartbeat: { expect_every: 5m, token: "\${JOB_TOKEN}" }\n`,
        expected: 'hb.yml:4: monitors.backup.expect: only for url monitors: a heartbeat monitor is pinged, not checked',
      },
      {
        name: 'both url and heartbeat',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: "\${JOB_TOKEN}" }\n    url: http://127.0.0.1/\n`,
        expected: 'hb.yml:5: monitors.backup.url: a monitor has either url or heartbeat, not both',
      },
      {
        name: 'a short token (never echoed)',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: sesame }\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat.token: expected at least 16 characters of A-Z, a-z, 0-9, ".", "_", "~", "-" (e.g. openssl rand -hex 16)',
      },
      {
        name: 'a token with a slash',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m, token: "abcdefgh/ijklmnopq" }\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat.token: expected at least 16 characters of A-Z, a-z, 0-9, ".", "_", "~", "-" (e.g. openssl rand -hex 16)',
      },
      {
        name: 'no expect_every',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { token: "\${JOB_TOKEN}" }\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat.expect_every: missing required key',
      },
      {
        name: 'no token',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m }\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat.token: missing required key',
      },
      {
        name: 'an empty heartbeat',
        yaml: `${server}monitors:\n  backup:\n    heartbeat:\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat: expected a map, got an empty value',
      },
      {
        name: 'a misspelt key',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m, graze: 1m, token: "\${JOB_TOKEN}" }\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat.graze: unknown key (did you mean grace?)',
      },
      {
        name: 'a bad grace',
        yaml: `${server}monitors:\n  backup:\n    heartbeat: { expect_every: 5m, grace: soon, token: "\${JOB_TOKEN}" }\n`,
        expected: 'hb.yml:4: monitors.backup.heartbeat.grace: expected a positive duration such as 5, "500ms", "2s" or "1m"',
      },
      {
        name: 'a heartbeat in defaults:',
        yaml: `${server}defaults:\n  heartbeat: { expect_every: 5m }\nmonitors:\n  web:\n    url: http://127.0.0.1/\n`,
        expected: 'hb.yml:3: defaults.heartbeat: a heartbeat cannot be a default: set it on each monitor',
      },
    ])('rejects $name with file:line: key: problem', ({ yaml, expected }) => {
      const message = problemOf(yaml);
      expect(message).toBe(expected);
      expect(message).not.toContain(TOKEN);
    });

    it('keeps the old message for a monitor with neither url nor heartbeat', () => {
      expect(problemOf(`${server}monitors:\n  api:\n    timeout: 2\n`)).toBe('hb.yml:3: monitors.api.url: missing required key');
    });
  });
});
