import { webhookHost } from '../../src/alerts/webhookHost.js';

describe('webhookHost', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/SECRETTOKEN', 'hooks.slack.com'],
    ['https://user:pass@hooks.example:8443/x?token=abc', 'hooks.example:8443'],
    ['http://127.0.0.1:9/', '127.0.0.1:9'],
    ['not a url', 'invalid-url'],
  ])('%s → %s', (url, host) => {
    expect(webhookHost(url)).toBe(host);
  });
});
