import { maskUrl } from '../../src/http/maskUrl.js';

describe('maskUrl', () => {
  it.each([
    ['a password', 'http://u:secret@h/', 'http://u:***@h/'],
    ['a password and port', 'https://bob:hunter2@example.com:8443/a?b=c', 'https://bob:***@example.com:8443/a?b=c'],
    ['an @ inside the password', 'http://u:p@ss@h/x', 'http://u:***@h/x'],
    ['a lone user part (a token)', 'https://ghp_token@github.com/', 'https://***@github.com/'],
    ['an empty password', 'http://u:@h/', 'http://u:***@h/'],
    ['no path', 'http://u:secret@h', 'http://u:***@h'],
  ])('masks %s', (_case, url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });

  it.each([
    ['no userinfo', 'http://h:8080/path'],
    ['an @ in the path only', 'http://h/users/@me'],
    ['an @ in the query only', 'http://h/?mail=a@b'],
    ['an already masked URL', 'http://u:***@h/'],
    ['no scheme', 'not a url'],
  ])('leaves a URL with %s unchanged', (_case, url) => {
    expect(maskUrl(url)).toBe(url);
  });
});
