import { isFollowableRedirect, isSameOrigin, nextRedirectStep } from '../../src/http/redirect.js';

describe('isFollowableRedirect', () => {
  it.each([
    [301, true],
    [302, true],
    [303, true],
    [307, true],
    [308, true],
    [300, false],
    [304, false],
    [200, false],
    [404, false],
  ])('%i → %s', (status, follow) => {
    expect(isFollowableRedirect(status)).toBe(follow);
  });
});

describe('nextRedirectStep', () => {
  it.each([
    [303, 'POST', 'GET', false],
    [303, 'PUT', 'GET', false],
    [303, 'GET', 'GET', true],
    [303, 'HEAD', 'HEAD', true],
    [301, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [302, 'PUT', 'PUT', true],
    [301, 'GET', 'GET', true],
    [307, 'POST', 'POST', true],
    [308, 'PUT', 'PUT', true],
  ])('%i after %s → %s (keep body: %s)', (status, method, nextMethod, keepBody) => {
    expect(nextRedirectStep(status, method)).toEqual({ method: nextMethod, keepBody });
  });
});

describe('isSameOrigin', () => {
  it.each([
    ['http://a/x', 'http://a/y', true],
    ['http://a/x', 'http://a:80/y', true],
    ['http://a/x', 'https://a/x', false],
    ['http://a/x', 'http://a:81/x', false],
    ['http://a/x', 'http://b/x', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(isSameOrigin(new URL(a), new URL(b))).toBe(same);
  });
});
