import { resolve } from 'node:path';
import { ConfigError } from '../../src/config/configError.js';
import { resolveMonitorSpec, type MonitorSpec } from '../../src/config/resolveMonitorSpec.js';

describe('resolveMonitorSpec', () => {
  it('fills every default', () => {
    expect(resolveMonitorSpec({ name: 'api', url: 'http://127.0.0.1/health' })).toEqual({
      name: 'api',
      url: 'http://127.0.0.1/health',
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
    });
  });

  it('reads bare numbers as milliseconds and strings with units', () => {
    const spec = resolveMonitorSpec({
      name: 'api',
      url: 'https://127.0.0.1/',
      timeout: 200,
      checkEvery: '2s',
      retryEvery: '500ms',
      expect: { maxResponseTime: '1.5s', status: [204, '300-302'], headers: { 'X-Version': '^2' } },
      maxBodyBytes: '10kB',
      method: 'head',
      tls: { ca: 'package.json' },
    });
    expect(spec).toMatchObject({
      timeout: 200,
      checkEvery: 2_000,
      retryEvery: 500,
      method: 'HEAD',
      maxBodyBytes: 10_000,
      tls: { insecure: false, ca: resolve('package.json') },
      expect: {
        status: [
          [204, 204],
          [300, 302],
        ],
        maxResponseTime: 1_500,
        headers: { 'x-version': '^2' },
      },
    });
  });

  it('returns a deep-frozen spec', () => {
    const spec = resolveMonitorSpec({ name: 'api', url: 'http://127.0.0.1/', headers: { A: 'b' } });
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.headers)).toBe(true);
    expect(Object.isFrozen(spec.expect.status)).toBe(true);
  });

  it('does not change the spec it was given', () => {
    const input: MonitorSpec = { name: 'api', url: 'http://127.0.0.1/', expect: { headers: { 'X-A': 'b' } } };
    resolveMonitorSpec(input);
    expect(input).toEqual({ name: 'api', url: 'http://127.0.0.1/', expect: { headers: { 'X-A': 'b' } } });
  });

  it.each([
    {
      name: 'a zero duration',
      spec: { name: 'api', url: 'http://x/', checkEvery: 0 },
      message: 'checkEvery: expected a positive duration such as 5000, "500ms", "2s" or "1m"',
    },
    {
      name: 'a timeout over checkEvery',
      spec: { name: 'api', url: 'http://x/', timeout: '10s', checkEvery: 5_000 },
      message: 'timeout: timeout (10 s) exceeds checkEvery (5 s): checks would overlap and ticks would be dropped',
    },
    {
      name: 'a snake_case key, with did-you-mean',
      spec: { name: 'api', url: 'http://x/', check_every: 5 },
      message: 'check_every: unknown key (did you mean checkEvery?)',
    },
    {
      name: 'an unknown key in expect',
      spec: { name: 'api', url: 'http://x/', expect: { bodyMatch: 'ok' } },
      message: 'expect.bodyMatch: unknown key (did you mean bodyMatches?)',
    },
    {
      name: 'an unsupported scheme',
      spec: { name: 'api', url: 'file:///etc/passwd' },
      message: 'url: unsupported scheme "file" (expected http or https)',
    },
    { name: 'a missing url', spec: { name: 'api' }, message: 'url: missing required key' },
    {
      name: 'a bad name',
      spec: { name: 'my api', url: 'http://x/' },
      message: 'name: invalid monitor name: use letters, digits, "_", "." and "-" only',
    },
    {
      name: 'a bad regex',
      spec: { name: 'api', url: 'http://x/', expect: { bodyNotMatches: '*' } },
      message: 'expect.bodyNotMatches: not a valid regular expression (Nothing to repeat)',
    },
    {
      name: 'a bad status',
      spec: { name: 'api', url: 'http://x/', expect: { status: [200, 99] } },
      message: 'expect.status[1]: expected a status code from 100 to 599 or a range such as "200-299"',
    },
    {
      name: 'auth without a password',
      spec: { name: 'api', url: 'http://x/', auth: { username: 'me' } },
      message: 'auth: expected either username and password, or bearer',
    },
    {
      name: 'a body that is a list',
      spec: { name: 'api', url: 'http://x/', body: [1, 2] },
      message: 'body: expected a string or a map (sent as JSON), got a list',
    },
    { name: 'not an object', spec: 'http://x/', message: 'expected a map, got a string' },
  ])('throws a ConfigError for $name', ({ spec, message }) => {
    let thrown: unknown;
    try {
      resolveMonitorSpec(spec as unknown as MonitorSpec);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toBe(message);
    expect((thrown as ConfigError).file).toBeUndefined();
    expect((thrown as ConfigError).line).toBeUndefined();
  });
});
