import { bodyMatches } from '../../../src/check/expectations/bodyMatches.js';
import { expectSpec, input } from './fixtures.js';

describe('bodyMatches', () => {
  it.each([
    { spec: {}, text: 'anything' },
    { spec: { bodyMatches: '"status":\\s*"ok"' }, text: '{"status": "ok"}' },
    { spec: { bodyNotMatches: 'error' }, text: 'all good' },
    { spec: { bodyMatches: 'ok', bodyNotMatches: 'error' }, text: 'ok' },
    { spec: { bodyMatches: '^héllo ✓$' }, text: 'héllo ✓' },
  ])('holds for $spec on $text', ({ spec, text }) => {
    expect(bodyMatches(expectSpec(spec), input({ text }))).toBeUndefined();
  });

  it.each([
    { spec: { bodyMatches: '"status":\\s*"ok"' }, text: '{"status":"down"}', message: 'body does not match /"status":\\s*"ok"/' },
    { spec: { bodyNotMatches: 'error' }, text: 'fatal error', message: 'body matches /error/, which it must not' },
    { spec: { bodyMatches: 'ok', bodyNotMatches: 'error' }, text: 'ok, error', message: 'body matches /error/, which it must not' },
    { spec: { bodyMatches: 'ok' }, text: '', message: 'body does not match /ok/' },
  ])('fails $spec on $text', ({ spec, text, message }) => {
    expect(bodyMatches(expectSpec(spec), input({ text }))).toEqual({ code: 'BODY_MISMATCH', message });
  });

  it('gives body_matches and body_not_matches distinct messages', () => {
    const spec = expectSpec({ bodyMatches: 'x', bodyNotMatches: 'y' });
    const missing = bodyMatches(spec, input({ text: '' }))?.message;
    const forbidden = bodyMatches(spec, input({ text: 'xy' }))?.message;
    expect(missing).toBeDefined();
    expect(forbidden).toBeDefined();
    expect(missing).not.toBe(forbidden);
  });

  it('reports a regex that does not compile as INVALID_EXPECTATION', () => {
    expect(bodyMatches(expectSpec({ bodyNotMatches: '[' }), input({ text: '' }))?.code).toBe('INVALID_EXPECTATION');
  });
});
