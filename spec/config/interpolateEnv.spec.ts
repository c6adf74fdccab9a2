import { interpolateEnv } from '../../src/config/interpolateEnv.js';

describe('interpolateEnv', () => {
  const env = { TOKEN: 'abc123', HOST: 'api.internal', EMPTY: '' };

  it.each([
    { text: 'no references', result: 'no references', values: [] },
    { text: 'Bearer ${TOKEN}', result: 'Bearer abc123', values: ['abc123'] },
    { text: 'https://${HOST}/${TOKEN}', result: 'https://api.internal/abc123', values: ['api.internal', 'abc123'] },
    { text: '[${EMPTY}]', result: '[]', values: [''] },
    { text: 'price: $${PRICE}', result: 'price: ${PRICE}', values: [] },
    { text: '$${TOKEN} vs ${TOKEN}', result: '${TOKEN} vs abc123', values: ['abc123'] },
    { text: 'a $ sign and {braces}', result: 'a $ sign and {braces}', values: [] },
  ])('turns "$text" into "$result"', ({ text, result, values }) => {
    expect(interpolateEnv(text, env)).toEqual({ ok: true, value: { text: result, values } });
  });

  it.each([
    { text: 'Bearer ${MISSING}', problem: 'environment variable MISSING is not set' },
    { text: '${HOST', problem: 'unterminated "${" (write "$${" for a literal "${")' },
    { text: '${}', problem: '"${}" is not a valid variable reference (write "$${" for a literal "${")' },
    { text: '${1ST}', problem: '"${1ST}" is not a valid variable reference (write "$${" for a literal "${")' },
  ])('refuses "$text"', ({ text, problem }) => {
    expect(interpolateEnv(text, env)).toEqual({ ok: false, problem });
  });

  it('does not inherit from Object.prototype', () => {
    expect(interpolateEnv('${toString}', {})).toEqual({ ok: false, problem: 'environment variable toString is not set' });
  });
});
