import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ConfigError } from '../../src/config/configError.js';
import { loadConfig } from '../../src/config/loadConfig.js';

/** A catalogue entry: what is on disk, and the exact one-line message expected. */
interface BadConfigCase {
  name: string;
  /** The file's text (omit with `bytes` or `setup`). */
  yaml?: string;
  /** The file's raw bytes. */
  bytes?: Buffer;
  /** Makes `path` some other way (or not at all). */
  setup?: (path: string) => Promise<void>;
  env?: NodeJS.ProcessEnv;
  /** The message, written for a file named `bad.yml`. */
  expected: string;
}

/** Nine levels of nine aliases each: ~387 million strings if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level += 1) {
    const previous = `*${names[level - 1]}`;
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(previous).join(',')}]`);
  }
  return `${lines.join('\n')}\nmonitors:\n  a:\n    url: http://127.0.0.1/\n`;
}

/** A valid monitor to place beside the broken part. */
const OK_MONITOR = 'monitors:\n  ok:\n    url: http://127.0.0.1/\n';

const cases: BadConfigCase[] = [
  // ── not a config at all ──────────────────────────────────────────────────────────────────────
  {
    name: 'not YAML (unclosed flow sequence)',
    yaml: 'monitors: [unclosed\n',
    expected: 'bad.yml:2: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'not YAML (tab indentation)',
    yaml: 'monitors:\n\tapi:\n',
    expected: 'bad.yml:2: not valid YAML: Tabs are not allowed as indentation',
  },
  {
    name: 'not YAML (two documents)',
    yaml: `${OK_MONITOR}---\n${OK_MONITOR}`,
    expected: 'bad.yml:4: not valid YAML: more than one YAML document (only one is allowed)',
  },
  { name: 'an empty file', yaml: '', expected: 'bad.yml: the file is empty; expected a map with monitors:' },
  {
    name: 'a file of comments only',
    yaml: '# monitors:\n#   api: …\n',
    expected: 'bad.yml: the file is empty; expected a map with monitors:',
  },
  {
    name: 'a YAML alias bomb',
    yaml: aliasBomb(),
    expected: 'bad.yml:2: not valid YAML: too many alias expansions (an alias bomb?)',
  },
  {
    name: 'an alias without its anchor',
    yaml: 'defaults: *common\nmonitors:\n  a:\n    url: http://127.0.0.1/\n',
    expected: 'bad.yml:1: not valid YAML: alias *common has no anchor before it',
  },
  {
    name: 'a list at the top level',
    yaml: '- url: http://127.0.0.1/\n',
    expected: 'bad.yml:1: expected a map with monitors: at the top level, got a list',
  },
  {
    name: 'plain text',
    yaml: 'just some text\n',
    expected: 'bad.yml:1: expected a map with monitors: at the top level, got a string',
  },
  {
    name: 'non-UTF-8 bytes',
    bytes: Buffer.concat([Buffer.from('monitors:\n  caf'), Buffer.from([0xe9]), Buffer.from(':\n    url: http://x/\n')]),
    expected: 'bad.yml:2: not UTF-8 text (invalid byte at offset 15)',
  },
  {
    name: 'a huge file (checked before reading)',
    setup: async (path) => {
      await writeFile(path, OK_MONITOR);
      await truncate(path, 65 * 1024 * 1024);
    },
    expected: 'bad.yml: file too large (65.0 MiB, limit 64 MiB)',
  },
  { name: 'a missing file', setup: async () => {}, expected: 'bad.yml: cannot read: no such file' },
  {
    name: 'a directory given as the config',
    setup: async (path) => void (await mkdir(path)),
    expected: 'bad.yml: cannot read: is a directory (expected a YAML file)',
  },

  // ── the top level ────────────────────────────────────────────────────────────────────────────
  { name: 'no monitors', yaml: 'log:\n  level: info\n', expected: 'bad.yml:1: monitors: missing required key (a map of monitor name → monitor)' },
  { name: 'an empty monitors map', yaml: 'monitors: {}\n', expected: 'bad.yml:1: monitors: expected at least one monitor' },
  {
    name: 'monitors written as a list',
    yaml: 'monitors:\n  - url: http://127.0.0.1/\n',
    expected: 'bad.yml:1: monitors: expected a map of monitor name → monitor, got a list',
  },
  {
    name: 'an unknown top-level key, with did-you-mean',
    yaml: `monitor:\n  api:\n    url: http://127.0.0.1/\n${OK_MONITOR}`,
    expected: 'bad.yml:1: monitor: unknown key (did you mean monitors?)',
  },
  {
    name: 'an unknown top-level key, nothing close',
    yaml: `${OK_MONITOR}colour: blue\n`,
    expected: 'bad.yml:4: colour: unknown key',
  },
  {
    name: 'a bad log level',
    yaml: `log:\n  level: verbose\n${OK_MONITOR}`,
    expected: 'bad.yml:2: log.level: expected one of trace, debug, info, warn, error, fatal',
  },
  {
    name: 'a bad server port',
    yaml: `server:\n  port: 70000\n${OK_MONITOR}`,
    expected: 'bad.yml:2: server.port: expected a whole number from 0 to 65535',
  },
  {
    name: 'a server port that is not a number',
    yaml: `server:\n  port: http\n${OK_MONITOR}`,
    expected: 'bad.yml:2: server.port: expected a whole number from 0 to 65535, got a string',
  },
  {
    name: 'a zero history_size',
    yaml: `history_size: 0\n${OK_MONITOR}`,
    expected: 'bad.yml:1: history_size: expected a whole number ≥ 1',
  },
  {
    name: 'a bad alert webhook (scheme)',
    yaml: `${OK_MONITOR}alerts:\n  - webhook: ftp://hooks.example/x\n`,
    expected: 'bad.yml:5: alerts[0].webhook: unsupported scheme "ftp" (expected http or https)',
  },
  {
    name: 'a bad alert webhook (not a URL)',
    yaml: `${OK_MONITOR}alerts:\n  - webhook: https://hooks.example/ok\n  - webhook: hooks.example/x\n`,
    expected: 'bad.yml:6: alerts[1].webhook: not a valid URL (expected http://host/… or https://host/…)',
  },
  {
    name: 'an alert with a zero reminder',
    yaml: `${OK_MONITOR}alerts:\n  - webhook: https://hooks.example/x\n    reminder_every: 0s\n`,
    expected: 'bad.yml:6: alerts[0].reminder_every: expected a positive duration such as 5, "500ms", "2s" or "1m"',
  },

  // ── monitors ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'duplicate monitor names',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/a\n  api:\n    url: http://127.0.0.1/b\n',
    expected: 'bad.yml:4: monitors.api: duplicate monitor name',
  },
  {
    name: 'a bad monitor name',
    yaml: 'monitors:\n  my api:\n    url: http://127.0.0.1/\n',
    expected: 'bad.yml:2: monitors.my api: invalid monitor name: use letters, digits, "_", "." and "-" only',
  },
  {
    name: 'a monitor that is only a URL',
    yaml: 'monitors:\n  api: http://127.0.0.1/\n',
    expected: 'bad.yml:2: monitors.api: expected a map with url:, got a string',
  },
  {
    name: 'a monitor without url',
    yaml: 'monitors:\n  api:\n    timeout: 2\n',
    expected: 'bad.yml:2: monitors.api.url: missing required key',
  },
  {
    name: 'a bad URL',
    yaml: 'monitors:\n  api:\n    url: "not a url"\n',
    expected: 'bad.yml:3: monitors.api.url: not a valid URL (expected http://host/… or https://host/…)',
  },
  {
    name: 'an unsupported scheme',
    yaml: 'monitors:\n  files:\n    url: ftp://files.example/\n',
    expected: 'bad.yml:3: monitors.files.url: unsupported scheme "ftp" (expected http or https)',
  },
  {
    name: 'an invalid method',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    method: FETCH\n',
    expected: 'bad.yml:4: monitors.api.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  },
  {
    name: 'a duration of the wrong type',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    timeout: [5]\n',
    expected: 'bad.yml:4: monitors.api.timeout: expected a positive duration such as 5, "500ms", "2s" or "1m"',
  },
  {
    name: 'a duration with an unknown unit',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    check_every: 2 weeks\n',
    expected: 'bad.yml:4: monitors.api.check_every: expected a positive duration such as 5, "500ms", "2s" or "1m"',
  },
  {
    name: 'a zero duration',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    check_every: 0\n',
    expected: 'bad.yml:4: monitors.api.check_every: expected a positive duration such as 5, "500ms", "2s" or "1m"',
  },
  {
    name: 'a negative duration',
    yaml: 'monitors:\n  broken:\n    url: http://127.0.0.1/\n    method: GET\n    timeout: -5\n',
    expected: 'bad.yml:5: monitors.broken.timeout: expected a positive duration such as 5, "500ms", "2s" or "1m"',
  },
  {
    name: 'an empty duration',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    retry_every:\n',
    expected: 'bad.yml:4: monitors.api.retry_every: expected a positive duration such as 5, "500ms", "2s" or "1m"',
  },
  {
    name: 'a duration too long for a timer',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    check_every: 30d\n',
    expected: 'bad.yml:4: monitors.api.check_every: expected a duration of at most 24d (the longest a timer can wait)',
  },
  {
    name: 'a timeout over check_every',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    timeout: 10\n    check_every: 5\n',
    expected:
      'bad.yml:4: monitors.api.timeout: timeout (10 s) exceeds check_every (5 s): checks would overlap and ticks would be dropped',
  },
  {
    name: 'a default timeout over a monitor check_every',
    yaml: 'defaults:\n  timeout: 30s\nmonitors:\n  api:\n    url: http://127.0.0.1/\n    check_every: 10s\n',
    expected:
      'bad.yml:6: monitors.api.check_every: timeout (30 s) exceeds check_every (10 s): checks would overlap and ticks would be dropped',
  },
  {
    name: 'a default timeout over the default check_every',
    yaml: `defaults:\n  timeout: 90\n${OK_MONITOR}`,
    expected:
      'bad.yml:2: defaults.timeout: timeout (90 s) exceeds check_every (60 s): checks would overlap and ticks would be dropped',
  },
  {
    name: 'a timeout over retry_every',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    timeout: 5\n    retry_every: 2\n',
    expected:
      'bad.yml:4: monitors.api.timeout: timeout (5 s) exceeds retry_every (2 s): retries would overlap and ticks would be dropped',
  },
  {
    name: 'a flag of the wrong type',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    follow_redirects: "yes"\n',
    expected: 'bad.yml:4: monitors.api.follow_redirects: expected true or false, got a string',
  },
  {
    name: 'headers that are not a map',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    headers: "X-A: b"\n',
    expected: 'bad.yml:4: monitors.api.headers: expected a map, got a string',
  },
  {
    name: 'a header value that is a map',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    headers:\n      X-A: { b: c }\n',
    expected: 'bad.yml:5: monitors.api.headers.X-A: expected a string, got a map',
  },
  {
    name: 'a negative max_redirects',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    max_redirects: -1\n',
    expected: 'bad.yml:4: monitors.api.max_redirects: expected a whole number ≥ 0',
  },
  {
    name: 'a bad max_body_bytes',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    max_body_bytes: 1 parsec\n',
    expected:
      'bad.yml:4: monitors.api.max_body_bytes: expected a positive size in bytes such as 1048576, "512KiB" or "1MiB"',
  },
  {
    name: 'a bad ip_family',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    ip_family: ipv5\n',
    expected: 'bad.yml:4: monitors.api.ip_family: expected one of auto, ipv4, ipv6',
  },
  {
    name: 'auth with both a password and a bearer token',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    auth:\n      username: u\n      password: p\n      bearer: t\n',
    expected: 'bad.yml:4: monitors.api.auth: expected either username and password, or bearer',
  },
  {
    name: 'a bad tls.ca path',
    yaml: 'monitors:\n  api:\n    url: https://127.0.0.1/\n    tls:\n      ca: ./missing-ca.pem\n',
    expected: 'bad.yml:5: monitors.api.tls.ca: cannot read the CA file: no such file',
  },
  {
    name: 'an unknown key in a monitor, with did-you-mean',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    chek_every: 5\n',
    expected: 'bad.yml:4: monitors.api.chek_every: unknown key (did you mean check_every?)',
  },
  {
    name: 'a camelCase key in the YAML',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    checkEvery: 5\n',
    expected: 'bad.yml:4: monitors.api.checkEvery: unknown key (did you mean check_every?)',
  },
  {
    name: 'an unknown key in expect, with did-you-mean',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    expect:\n      stauts: [200]\n',
    expected: 'bad.yml:5: monitors.api.expect.stauts: unknown key (did you mean status?)',
  },
  {
    name: 'an unknown key in defaults, with did-you-mean',
    yaml: `defaults:\n  timout: 5\n${OK_MONITOR}`,
    expected: 'bad.yml:2: defaults.timout: unknown key (did you mean timeout?)',
  },
  {
    name: 'a url in defaults',
    yaml: `defaults:\n  url: http://127.0.0.1/\n${OK_MONITOR}`,
    expected: 'bad.yml:2: defaults.url: a url cannot be a default: set it on each monitor',
  },

  // ── expectations ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'a bad regex in body_matches',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    expect:\n      body_matches: "(ok"\n',
    expected: 'bad.yml:5: monitors.api.expect.body_matches: not a valid regular expression (Unterminated group)',
  },
  {
    name: 'a bad regex in expect.headers',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    expect:\n      headers:\n        content-type: "[json"\n',
    expected:
      'bad.yml:6: monitors.api.expect.headers.content-type: not a valid regular expression (Unterminated character class)',
  },
  {
    name: 'an empty status range',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    expect:\n      status: [200, "500-400"]\n',
    expected: 'bad.yml:5: monitors.api.expect.status[1]: expected a range from low to high, such as "300-399"',
  },
  {
    name: 'a status code out of range',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    expect:\n      status:\n        - 200\n        - 700\n',
    expected: 'bad.yml:7: monitors.api.expect.status[1]: expected a status code from 100 to 599 or a range such as "200-299"',
  },
  {
    name: 'a negative cert_expires_in_days_min',
    yaml: 'monitors:\n  api:\n    url: https://127.0.0.1/\n    expect:\n      cert_expires_in_days_min: -3\n',
    expected: 'bad.yml:5: monitors.api.expect.cert_expires_in_days_min: expected a positive number',
  },

  // ── ${ENV} ───────────────────────────────────────────────────────────────────────────────────
  {
    name: 'an unknown ${ENV} variable',
    yaml: 'monitors:\n  api:\n    url: http://127.0.0.1/\n    headers:\n      X-Trace: "on"\n\n      Authorization: "Bearer ${API_TOKEN}"\n',
    env: {},
    expected: 'bad.yml:7: monitors.api.headers.Authorization: environment variable API_TOKEN is not set',
  },
  {
    name: 'an unknown ${ENV} variable in defaults',
    yaml: `defaults:\n  headers:\n    X-Key: \${KEY}\n${OK_MONITOR}`,
    env: {},
    expected: 'bad.yml:3: defaults.headers.X-Key: environment variable KEY is not set',
  },
  {
    name: 'an unterminated ${',
    yaml: 'monitors:\n  api:\n    url: "http://127.0.0.1/${HOST"\n',
    env: { HOST: 'x' },
    expected: 'bad.yml:3: monitors.api.url: unterminated "${" (write "$${" for a literal "${")',
  },
  // ── maintenance: ───────────────────────────────────────────────────────────────────────────
  {
    name: 'a maintenance window in an unknown time zone',
    yaml: `${OK_MONITOR}maintenance:\n  - every: [mon]\n    at: "02:00"\n    duration: 1h\n    timezone: Europe/Berln\n`,
    expected: 'bad.yml:8: maintenance[0].timezone: unknown time zone "Europe/Berln" (expected an IANA name such as Europe/Berlin or UTC)',
  },
  {
    name: 'a maintenance window with a bad cron pattern',
    yaml: `${OK_MONITOR}maintenance:\n  - cron: "0 25 * * *"\n    duration: 1h\n`,
    expected: 'bad.yml:5: maintenance[0].cron: not a valid cron pattern: Invalid value for hour: 25',
  },
  {
    name: 'a maintenance window with a cron pattern of six fields',
    yaml: `${OK_MONITOR}maintenance:\n  - cron: "0 0 2 * * *"\n    duration: 1h\n`,
    expected: 'bad.yml:5: maintenance[0].cron: expected a cron pattern of five fields (minute hour day month weekday) such as "0 2 * * *"',
  },
  {
    name: 'a one-off maintenance window that ends before it starts',
    yaml: `${OK_MONITOR}maintenance:\n  - start: "2026-12-05T22:00:00+01:00"\n    end: "2026-12-05T21:00:00+01:00"\n`,
    expected: 'bad.yml:6: maintenance[0].end: must be after start',
  },
  {
    name: 'a one-off maintenance window without an offset',
    yaml: `${OK_MONITOR}maintenance:\n  - start: "2026-12-05T22:00:00"\n    end: "2026-12-05T23:00:00Z"\n`,
    expected: 'bad.yml:5: maintenance[0].start: expected an ISO 8601 time with an offset such as "2026-12-05T22:00:00+01:00" or "…Z"',
  },
  {
    name: 'a maintenance window for an unknown monitor',
    yaml: `${OK_MONITOR}maintenance:\n  - monitors: [okk]\n    cron: "0 2 * * *"\n    duration: 1h\n`,
    expected: 'bad.yml:5: maintenance[0].monitors[0]: unknown monitor "okk" (did you mean ok?)',
  },
  {
    name: 'a maintenance window for an unknown group',
    yaml: `${OK_MONITOR}maintenance:\n  - groups: [payments]\n    cron: "0 2 * * *"\n    duration: 1h\n`,
    expected: 'bad.yml:5: maintenance[0].groups[0]: unknown group "payments"',
  },
  {
    name: 'a recurring maintenance window without a duration',
    yaml: `${OK_MONITOR}maintenance:\n  - every: [sat, sun]\n    at: "23:00"\n`,
    expected: 'bad.yml:5: maintenance[0]: missing required key duration (how long each occurrence lasts, such as 1h)',
  },
  {
    name: 'a maintenance window with an unknown weekday',
    yaml: `${OK_MONITOR}maintenance:\n  - every: [monday]\n    at: "23:00"\n    duration: 2h\n`,
    expected: 'bad.yml:5: maintenance[0].every: expected weekdays (sun, mon, tue, wed, thu, fri, sat) or day, got "monday"',
  },
  {
    name: 'a maintenance window with neither start/end nor every/cron',
    yaml: `${OK_MONITOR}maintenance:\n  - name: nightly\n    duration: 2h\n`,
    expected: 'bad.yml:5: maintenance[0]: expected start and end (a one-off window) or every/cron with duration (a recurring one)',
  },
];

describe('loadConfig on a bad config', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rxmon-bad-config-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('has a catalogue of at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('rejects $name', async ({ name, yaml, bytes, setup, env = {}, expected }) => {
    const dir = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    await mkdir(dir);
    // The file is named as the user passed it: relative to the working directory.
    const file = relative(process.cwd(), join(dir, 'bad.yml'));
    if (setup !== undefined) await setup(file);
    else await writeFile(file, bytes ?? yaml ?? '');

    const error: unknown = await loadConfig(file, env).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(expected.replace(/^bad\.yml/, file));
    expect((error as ConfigError).file).toBe(file);
  });
});
