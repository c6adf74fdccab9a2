import { maskUrl } from '../../src/http/maskUrl.js';

describe('maskUrl', () => {
  it.each([
    ['http://user:secret@h/', 'http://user:***@h/'],
    ['https://user:secret@example.com:8443/a?b=c#d', 'https://user:***@example.com:8443/a?b=c#d'],
    ['http://:secret@h/', 'http://:***@h/'],
    ['http://user:p@ss@h/path', 'http://user:***@h/path'],
    ['http://user@h/', 'http://user@h/'],
    ['http://h/path?mail=a@b.c', 'http://h/path?mail=a@b.c'],
    ['http://h:8080/', 'http://h:8080/'],
    ['not a url', 'not a url'],
    ['http://user:***@h/', 'http://user:***@h/'],
  ])('masks %s as %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });
});
