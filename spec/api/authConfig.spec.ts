import { ConfigError } from '../../src/config/configError.js';
import { parseConfig } from '../../src/config/parseConfig.js';

const monitors = 'monitors:\n  web: { url: "http://127.0.0.1:1/" }\n';

describe('server.auth and status_page in the config', () => {
  it('reads a bearer token from ${ENV} and keeps it secret', () => {
    const config = parseConfig(`server: { port: 9115, auth: { bearer: "\${TOKEN}" } }\n${monitors}`, 'c.yml', { TOKEN: 'tok-123' });
    expect(config.server).toEqual({ port: 9115, host: '127.0.0.1', auth: { bearer: 'tok-123' } });
    expect(config.secrets).toContain('tok-123');
    expect(config.statusPage).toEqual({ public: false });
  });

  it('reads basic credentials (the password is a secret) and a public page', () => {
    const config = parseConfig(`server: { port: 9115, auth: { username: ops, password: hunter2 } }\nstatus_page: { public: true }\n${monitors}`, 'c.yml', {});
    expect(config.server?.auth).toEqual({ username: 'ops', password: 'hunter2' });
    expect(config.secrets).toContain('hunter2');
    expect(config.statusPage).toEqual({ public: true });
  });

  it('has no auth by default', () => {
    const config = parseConfig(`server: { port: 9115 }\n${monitors}`, 'c.yml', {});
    expect(config.server).toEqual({ port: 9115, host: '127.0.0.1' });
  });

  it.each([
    ['server: { port: 1, auth: { bearer: x, username: u } }', /server\.auth: expected either username and password, or bearer/],
    ['server: { port: 1, auth: { username: u } }', /server\.auth: expected either username and password, or bearer/],
    ['server: { port: 1, auth: { token: x } }', /server\.auth\.token: unknown key/],
    ['status_page: { public: maybe }', /status_page\.public/],
    ['status_page: { title: x }', /status_page\.title: unknown key/],
  ])('refuses %s', (yaml, message) => {
    expect(() => parseConfig(`${yaml}\n${monitors}`, 'c.yml', {})).toThrow(ConfigError);
    expect(() => parseConfig(`${yaml}\n${monitors}`, 'c.yml', {})).toThrow(message);
  });
});
