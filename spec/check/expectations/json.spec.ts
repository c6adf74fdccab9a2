import { json } from '../../../src/check/expectations/json.js';
import { expectSpec, input } from './fixtures.js';

const body = JSON.stringify({
  checks: { db: 'ok', count: 3, up: true, none: null, list: [1, 'two'], nested: { a: { b: 1 } } },
  items: [{ id: 'a1' }, { id: 'b2' }],
});

describe('json', () => {
  it.each([
    { paths: undefined },
    { paths: {} },
    { paths: { 'checks.db': 'ok' } },
    { paths: { 'checks.count': 3 } },
    { paths: { 'checks.count': '3' } },
    { paths: { 'checks.up': true } },
    { paths: { 'checks.up': 'true' } },
    { paths: { 'checks.none': null } },
    { paths: { 'checks.list': [1, 'two'] } },
    { paths: { 'checks.nested': { a: { b: 1 } } } },
    { paths: { 'items.0.id': 'a1', 'items.1.id': 'b2' } },
  ])('holds for $paths', ({ paths }) => {
    expect(json(expectSpec({ json: paths }), input({ text: body }))).toBeUndefined();
  });

  it.each([
    { paths: { 'checks.db': 'degraded' }, message: 'json checks.db is "ok", expected "degraded"' },
    { paths: { 'checks.count': 4 }, message: 'json checks.count is 3, expected 4' },
    { paths: { 'checks.count': '' }, message: 'json checks.count is 3, expected ""' },
    { paths: { 'checks.up': false }, message: 'json checks.up is true, expected false' },
    { paths: { 'checks.up': 1 }, message: 'json checks.up is true, expected 1' },
    { paths: { 'checks.none': 'null' }, message: 'json checks.none is null, expected "null"' },
    { paths: { 'checks.list': [1] }, message: 'json checks.list is [1,"two"], expected [1]' },
    { paths: { 'checks.nested': { a: {} } }, message: 'json checks.nested is {"a":{"b":1}}, expected {"a":{}}' },
    { paths: { 'checks.cache': 'ok' }, message: 'json checks.cache is missing, expected "ok"' },
    { paths: { 'items.2.id': 'c3' }, message: 'json items.2.id is missing, expected "c3"' },
    { paths: { 'items.x': 1 }, message: 'json items.x is missing, expected 1' },
    { paths: { 'checks.constructor': 1 }, message: 'json checks.constructor is missing, expected 1' },
    { paths: { 'checks.db': 'ok', 'items.0.id': 'zz' }, message: 'json items.0.id is "a1", expected "zz"' },
  ])('fails $paths', ({ paths, message }) => {
    expect(json(expectSpec({ json: paths }), input({ text: body }))).toEqual({ code: 'JSON_MISMATCH', message });
  });

  it('fails when the body is not JSON', () => {
    const error = json(expectSpec({ json: { 'checks.db': 'ok' } }), input({ text: '<html>' }));
    expect(error?.code).toBe('JSON_MISMATCH');
    expect(error?.message).toMatch(/^body is not JSON \(.+\), expected json checks\.db$/);
  });

  it('reads a body with a UTF-8 byte order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"é"}')]);
    expect(json(expectSpec({ json: { a: 'é' } }), input({ body: withBom }))).toBeUndefined();
  });
});
