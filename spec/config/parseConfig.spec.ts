import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../src/config/configError.js';
import { loadConfig, parseConfig } from '../../src/config/loadConfig.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';

/** The original daemon's config.yml, verbatim (../shared/SEED.md). */
const SEED_CONFIG = `log:
  level: "INFO"
  format: "[%(asctime)s] [%(levelname)s] [%(name)s]: %(message)s"
monitors:
  example:
    method: "GET"
    url: "http://example.com"
    timeout: 5        # seconds
    check_every: 5    # seconds
  httpbin:
    method: "GET"
    url: "https://httpbin.org/get"
    timeout: 5
    check_every: 5
`;

/** What every monitor gets when it sets nothing but its url. */
const DEFAULT_MONITOR: Omit<ResolvedMonitorSpec, 'name' | 'url'> = {
  method: 'GET',
  timeout: 10_000,
  checkEvery: 60_000,
  headers: {},
  followRedirects: true,
  maxRedirects: 10,
  tls: { insecure: false },
  ipFamily: 'auto',
  maxBodyBytes: 1_048_576,
  expect: { status: [[200, 399]] },
  failureThreshold: 3,
  successThreshold: 2,
};

/**
 * Parses and expects a ConfigError.
 *
 * @param text The YAML.
 * @param env The environment.
 * @returns The error's message.
 */
function messageOf(text: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfig(text, 'bad.yml', env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  describe("when given the original daemon's config verbatim", () => {
    const config = parseConfig(SEED_CONFIG, 'config/config.yml', {});

    it('reads both monitors in file order, seconds as ms, defaults filled', () => {
      expect(config.monitors).toEqual([
        { ...DEFAULT_MONITOR, name: 'example', url: 'http://example.com', timeout: 5_000, checkEvery: 5_000 },
        { ...DEFAULT_MONITOR, name: 'httpbin', url: 'https://httpbin.org/get', timeout: 5_000, checkEvery: 5_000 },
      ]);
    });

    it('accepts level "INFO" in upper case and ignores format', () => {
      expect(config.log).toEqual({ level: 'info' });
    });

    it('fills the top-level defaults', () => {
      expect(config).toMatchObject({
        file: resolve('config/config.yml'),
        maxConcurrentChecks: 512,
        historySize: 120,
        alerts: [],
        secrets: [],
      });
      expect(config.server).toBeUndefined();
    });

    it('is deep-frozen', () => {
      expect(Object.isFrozen(config)).toBe(true);
      expect(Object.isFrozen(config.monitors)).toBe(true);
      expect(Object.isFrozen(config.monitors[0].expect.status[0])).toBe(true);
      expect(Object.isFrozen(config.monitors[1].headers)).toBe(true);
    });
  });

  describe('when given every key', () => {
    const yaml = `
log: { level: debug }
server: { port: 9115 }
max_concurrent_checks: 64
history_size: 30
monitors:
  full:
    url: https://127.0.0.1:8443/health
    method: post
    timeout: 0.5
    check_every: 2s
    retry_every: 1s
    headers: { X-A: b, X-Count: 5 }
    body: { ping: true }
    auth: { username: me, password: pw }
    follow_redirects: false
    max_redirects: 0
    tls: { insecure: true }
    ip_family: IPv4
    max_body_bytes: 512KiB
    failure_threshold: 5
    success_threshold: 1
    expect:
      status: [200, "300-399", "404"]
      body_matches: "ok|fine"
      body_not_matches: error
      json: { checks.db: ok, count: 3 }
      headers: { Content-Type: json }
      max_response_time: 500
      cert_expires_in_days_min: 14
alerts:
  - webhook: https://hooks.example/x
    headers: { X-Hook: "1" }
    send_on_resolved: true
    reminder_every: 1h
    body: '{"text": "{{monitor}} is {{state}}: {{error}}"}'
  - webhook: http://127.0.0.1:9/hook
`;
    const config = parseConfig(yaml, 'full.yml', {});

    it('converts and keeps every monitor key', () => {
      expect(config.monitors[0]).toEqual({
        name: 'full',
        url: 'https://127.0.0.1:8443/health',
        method: 'POST',
        timeout: 500,
        checkEvery: 2_000,
        retryEvery: 1_000,
        headers: { 'X-A': 'b', 'X-Count': '5' },
        body: { ping: true },
        auth: { username: 'me', password: 'pw' },
        followRedirects: false,
        maxRedirects: 0,
        tls: { insecure: true },
        ipFamily: 'ipv4',
        maxBodyBytes: 524_288,
        failureThreshold: 5,
        successThreshold: 1,
        expect: {
          status: [
            [200, 200],
            [300, 399],
            [404, 404],
          ],
          bodyMatches: 'ok|fine',
          bodyNotMatches: 'error',
          json: { 'checks.db': 'ok', count: 3 },
          headers: { 'content-type': 'json' },
          maxResponseTime: 500,
          certExpiresInDaysMin: 14,
        },
      });
    });

    it('reads the top level and the alerts', () => {
      expect(config).toMatchObject({
        log: { level: 'debug' },
        server: { port: 9115, host: '127.0.0.1' },
        maxConcurrentChecks: 64,
        historySize: 30,
      });
      expect(config.alerts).toEqual([
        {
          name: 'webhook-1',
          type: 'webhook',
          webhook: 'https://hooks.example/x',
          headers: { 'X-Hook': '1' },
          sendOnResolved: true,
          reminderEvery: 3_600_000,
          body: '{"text": "{{monitor}} is {{state}}: {{error}}"}',
        },
        { name: 'webhook-2', type: 'webhook', webhook: 'http://127.0.0.1:9/hook', headers: {}, sendOnResolved: false },
      ]);
    });

    it('lists the basic-auth password as a secret', () => {
      expect(config.secrets).toEqual(['pw']);
    });
  });

  describe('timeout defaults', () => {
    it.each([
      { set: 'nothing', keys: '', timeout: 10_000 },
      { set: 'check_every 5 s', keys: 'check_every: 5', timeout: 5_000 },
      { set: 'check_every 2 min', keys: 'check_every: 2m', timeout: 10_000 },
      { set: 'retry_every 3 s', keys: 'retry_every: 3', timeout: 3_000 },
      { set: 'timeout equal to check_every', keys: 'timeout: 5\n    check_every: 5', timeout: 5_000 },
    ])('with $set the timeout is $timeout ms', ({ keys, timeout }) => {
      const config = parseConfig(`monitors:\n  a:\n    url: http://127.0.0.1/\n    ${keys}\n`, 'a.yml', {});
      expect(config.monitors[0].timeout).toBe(timeout);
    });
  });

  describe('with a defaults: block', () => {
    const yaml = `
defaults:
  timeout: 2
  check_every: 10
  method: HEAD
  headers: { User-Agent: rxmon, Authorization: Basic xyz }
  expect:
    status: [200]
    body_matches: ok
  tls: { insecure: true }
monitors:
  plain:
    url: http://127.0.0.1/a
  custom:
    url: http://127.0.0.1/b
    method: GET
    check_every: 30
    headers: { X-Extra: "1", authorization: Bearer t }
    expect:
      status: ["200-204"]
    tls: { ca: ${JSON.stringify(resolve('package.json'))} }
`;
    const [plain, custom] = parseConfig(yaml, 'defaults.yml', {}).monitors;

    it('applies every default to a monitor that sets nothing', () => {
      expect(plain).toMatchObject({
        timeout: 2_000,
        checkEvery: 10_000,
        method: 'HEAD',
        headers: { 'User-Agent': 'rxmon', Authorization: 'Basic xyz' },
        expect: { status: [[200, 200]], bodyMatches: 'ok' },
        tls: { insecure: true },
      });
    });

    it("lets the monitor's keys win, merging headers (case-insensitively), expect and tls key by key", () => {
      expect(custom).toMatchObject({
        timeout: 2_000,
        checkEvery: 30_000,
        method: 'GET',
        headers: { 'User-Agent': 'rxmon', 'X-Extra': '1', authorization: 'Bearer t' },
        expect: { status: [[200, 204]], bodyMatches: 'ok' },
        tls: { insecure: true, ca: resolve('package.json') },
      });
      expect(custom.headers).not.toHaveProperty('Authorization');
    });
  });

  describe('${ENV} interpolation', () => {
    const yaml = `
server: { port: "\${PORT}" }
defaults:
  headers: { X-Env: "\${STAGE}" }
monitors:
  api:
    url: https://\${API_HOST}/health
    timeout: \${TIMEOUT}
    follow_redirects: \${FOLLOW}
    headers:
      Authorization: "Bearer \${API_TOKEN}"
    body: 'literal $\${NOT_A_VAR} and \${EMPTY}.'
    auth: { bearer: "\${API_TOKEN}" }
alerts:
  - webhook: "\${HOOK_URL}"
`;
    const env = {
      PORT: '9200',
      STAGE: 'production',
      API_HOST: 'api.internal',
      TIMEOUT: '1.5s',
      FOLLOW: 'false',
      API_TOKEN: 's3cr3t-t0ken',
      EMPTY: '',
      HOOK_URL: 'https://hooks.example/T000/B000/XXXX',
    };
    const config = parseConfig(yaml, 'env.yml', env);

    it('substitutes variables in every string value, also in defaults and alerts', () => {
      expect(config.server).toEqual({ port: 9200, host: '127.0.0.1' });
      expect(config.monitors[0]).toMatchObject({
        url: 'https://api.internal/health',
        timeout: 1_500,
        followRedirects: false,
        headers: { 'X-Env': 'production', Authorization: 'Bearer s3cr3t-t0ken' },
        auth: { bearer: 's3cr3t-t0ken' },
      });
      expect(config.alerts[0]).toMatchObject({ type: 'webhook', webhook: 'https://hooks.example/T000/B000/XXXX' });
    });

    it('reads $${ as a literal ${, and an empty variable as set', () => {
      expect(config.monitors[0].body).toBe('literal ${NOT_A_VAR} and .');
    });

    it('records every substituted value and credential as a secret, longest first', () => {
      expect([...config.secrets].sort()).toEqual(
        [
          'https://hooks.example/T000/B000/XXXX',
          'Bearer s3cr3t-t0ken',
          's3cr3t-t0ken',
          'api.internal',
          'production',
          'false',
          '9200',
          '1.5s',
        ].sort(),
      );
      const lengths = config.secrets.map((secret) => secret.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    });

    it('names the variable, the key and the line when one is missing', () => {
      expect(messageOf(yaml, { ...env, API_TOKEN: undefined })).toBe(
        'bad.yml:11: monitors.api.headers.Authorization: environment variable API_TOKEN is not set',
      );
    });

    it('never puts a substituted value in an error message', () => {
      const message = messageOf('monitors:\n  api:\n    url: http://127.0.0.1/\n    method: ${METHOD}\n', {
        METHOD: 'TOPSECRET-METHOD',
      });
      expect(message).toBe('bad.yml:4: monitors.api.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    });

    it('refuses a reference that is not a variable name', () => {
      expect(messageOf('monitors:\n  api:\n    url: "http://${not a name}/"\n')).toBe(
        'bad.yml:3: monitors.api.url: "${not a name}" is not a valid variable reference (write "$${" for a literal "${")',
      );
    });
  });

  describe('secrets from URLs', () => {
    it('records the password of a URL, raw and decoded', () => {
      const config = parseConfig('monitors:\n  a:\n    url: http://user:p%40ss@127.0.0.1/\n', 'a.yml', {});
      expect(config.secrets).toEqual(['p%40ss', 'p@ss']);
    });
  });

  describe('the server block', () => {
    it('has no listener without a port', () => {
      expect(parseConfig(`server: { host: 0.0.0.0 }\nmonitors:\n  a: { url: "http://x/" }\n`, 'a.yml', {}).server).toBeUndefined();
    });

    it('keeps a given host', () => {
      expect(parseConfig(`server: { port: 0, host: "::1" }\nmonitors:\n  a: { url: "http://x/" }\n`, 'a.yml', {}).server).toEqual({
        port: 0,
        host: '::1',
      });
    });
  });

  it('reads empty sections as absent', () => {
    const config = parseConfig('log:\ndefaults:\nalerts:\nmonitors:\n  a:\n    url: http://x/\n    headers:\n    expect:\n', 'a.yml', {});
    expect(config.alerts).toEqual([]);
    expect(config.monitors[0]).toMatchObject({ headers: {}, expect: { status: [[200, 399]] } });
  });

  it('accepts YAML merge keys', () => {
    const yaml = 'monitors:\n  a: &base\n    url: http://x/a\n    timeout: 1\n  b:\n    <<: *base\n    url: http://x/b\n';
    expect(parseConfig(yaml, 'a.yml', {}).monitors.map(({ name, url, timeout }) => ({ name, url, timeout }))).toEqual([
      { name: 'a', url: 'http://x/a', timeout: 1_000 },
      { name: 'b', url: 'http://x/b', timeout: 1_000 },
    ]);
  });

  it('decodes UTF-8 bytes and drops a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('monitors:\n  café:\n    url: http://x/\n')]);
    expect(() => parseConfig(bytes, 'a.yml', {})).toThrow('a.yml:2: monitors.café: invalid monitor name');
    expect(parseConfig(Buffer.from('monitors:\n  cafe:\n    url: "http://x/é"\n'), 'a.yml', {}).monitors[0].url).toBe('http://x/é');
  });

  it('reports the first problem in the file', () => {
    const yaml = 'monitors:\n  a:\n    url: http://x/\n    timeout: -1\n  b:\n    url: ftp://x/\nhistroy_size: 5\n';
    expect(messageOf(yaml)).toBe(
      'bad.yml:4: monitors.a.timeout: expected a positive duration such as 5, "500ms", "2s" or "1m"',
    );
  });

  it('reports a broken defaults: block before the monitors that inherit it', () => {
    const yaml = 'monitors:\n  a:\n    url: ftp://x/\ndefaults:\n  method: FETCH\n';
    expect(messageOf(yaml)).toBe('bad.yml:5: defaults.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  });

  it('refuses text over 64 MiB', () => {
    expect(messageOf(`# ${'x'.repeat(64 * 1024 * 1024)}\n`)).toBe('bad.yml: file too large (64.0 MiB, limit 64 MiB)');
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxmon-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a file and resolves tls.ca against the file's directory", async () => {
    await writeFile(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
    await writeFile(join(dir, 'rxmon.yml'), 'monitors:\n  a:\n    url: https://x/\n    tls: { ca: ./ca.pem }\n');
    const config = await loadConfig(join(dir, 'rxmon.yml'), {});
    expect(config.file).toBe(join(dir, 'rxmon.yml'));
    expect(config.monitors[0].tls).toEqual({ insecure: false, ca: join(dir, 'ca.pem') });
  });

  it('uses process.env by default', async () => {
    process.env.RXMON_SPEC_CONFIG_HOST = 'from-env.internal';
    try {
      await writeFile(join(dir, 'env.yml'), 'monitors:\n  a:\n    url: http://${RXMON_SPEC_CONFIG_HOST}/\n');
      expect((await loadConfig(join(dir, 'env.yml'))).monitors[0].url).toBe('http://from-env.internal/');
    } finally {
      delete process.env.RXMON_SPEC_CONFIG_HOST;
    }
  });
});
