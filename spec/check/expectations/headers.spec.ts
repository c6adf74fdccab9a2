import { headers } from '../../../src/check/expectations/headers.js';
import { expectSpec, input } from './fixtures.js';

type Headers = Record<string, string>;

describe('headers', () => {
  it.each<{ expected?: Headers; actual: Headers }>([
    { expected: undefined, actual: {} },
    { expected: { 'content-type': 'json' }, actual: { 'content-type': 'application/json' } },
    { expected: { 'Content-Type': '^application/json' }, actual: { 'content-type': 'application/json' } },
    { expected: { 'x-id': '^\\d+$' }, actual: { 'X-Id': '42' } },
    { expected: { a: 'x', b: 'y' }, actual: { a: 'x', b: 'y' } },
  ])('holds for $expected against $actual', ({ expected, actual }) => {
    expect(headers(expectSpec({ headers: expected }), input({ headers: actual }))).toBeUndefined();
  });

  it.each<{ expected: Headers; actual: Headers; message: string }>([
    {
      expected: { 'content-type': 'json' },
      actual: { 'content-type': 'text/html' },
      message: 'header content-type is "text/html", expected /json/',
    },
    { expected: { 'x-id': '.' }, actual: {}, message: 'header x-id is missing, expected /./' },
    { expected: { 'X-Cache': 'HIT' }, actual: { 'x-cache': 'MISS' }, message: 'header x-cache is "MISS", expected /HIT/' },
    { expected: { a: 'x', b: 'y' }, actual: { a: 'x', b: 'z' }, message: 'header b is "z", expected /y/' },
  ])('fails $expected against $actual', ({ expected, actual, message }) => {
    expect(headers(expectSpec({ headers: expected }), input({ headers: actual }))).toEqual({
      code: 'HEADER_MISMATCH',
      message,
    });
  });

  it('reports a regex that does not compile as INVALID_EXPECTATION', () => {
    const error = headers(expectSpec({ headers: { 'x-a': '(' } }), input({ headers: { 'x-a': '(' } }));
    expect(error?.code).toBe('INVALID_EXPECTATION');
    expect(error?.message).toMatch(/^headers\.x-a: invalid regex \/\(\/: /);
  });
});
