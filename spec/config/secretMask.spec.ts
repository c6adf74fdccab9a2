import { createSecretMask } from '../../src/config/secretMask.js';

describe('createSecretMask', () => {
  it('masks every known secret, raw, JSON-escaped and percent-encoded, longest first', () => {
    const mask = createSecretMask(['s3cr3t', 's3cr3t-longer', 'quo"te', 'a b/c']);
    expect(mask.mask('x s3cr3t-longer y s3cr3t')).toBe('x *** y ***');
    expect(mask.mask(JSON.stringify({ v: 'quo"te' }))).toBe('{"v":"***"}');
    expect(mask.mask('http://h/?t=a%20b%2Fc')).toBe('http://h/?t=***');
  });

  it('ignores values under 4 characters', () => {
    expect(createSecretMask(['abc']).mask('abc')).toBe('abc');
  });

  it('masks secrets added later too, and never forgets one', () => {
    const mask = createSecretMask(['first-secret']);
    mask.add(['second-secret']);
    mask.add([]);
    expect(mask.mask('first-secret second-secret')).toBe('*** ***');
  });
});
