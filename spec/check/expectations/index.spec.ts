import { jest } from '@jest/globals';
import {
  EXPECTATION_CODES,
  EXPECTATIONS,
  evaluateExpectations,
} from '../../../src/check/expectations/index.js';
import { compiledExpectSpec } from '../../../src/check/expectations/compiledExpectSpec.js';
import { bodyMatches } from '../../../src/check/expectations/bodyMatches.js';
import { certExpiry } from '../../../src/check/expectations/certExpiry.js';
import { headers } from '../../../src/check/expectations/headers.js';
import { json } from '../../../src/check/expectations/json.js';
import { maxResponseTime } from '../../../src/check/expectations/maxResponseTime.js';
import { status } from '../../../src/check/expectations/status.js';
import { expectSpec, input } from './fixtures.js';

/** Every expectation configured, and a response that breaks them all. */
const strict = expectSpec({
  status: [[200, 200]],
  headers: { 'content-type': 'json' },
  bodyMatches: 'healthy',
  json: { 'checks.db': 'ok' },
  maxResponseTime: 100,
  certExpiresInDaysMin: 14,
});
const broken = {
  status: 503,
  headers: { 'content-type': 'text/html' },
  text: '{"checks":{"db":"down"}}',
};

describe('evaluateExpectations', () => {
  it('passes a 200 with the default expectations', () => {
    expect(evaluateExpectations(expectSpec(), input())).toBeUndefined();
  });

  it('passes when every configured expectation holds', () => {
    const good = input(
      { status: 200, headers: { 'content-type': 'application/json' }, text: '{"checks":{"db":"ok"},"s":"healthy"}' },
      { durationMs: 50, certExpiresInDays: 30 },
    );
    expect(evaluateExpectations(strict, good)).toBeUndefined();
  });

  it.each([
    { fixed: {}, extra: {}, code: 'UNEXPECTED_STATUS' },
    { fixed: { status: 200 }, extra: {}, code: 'HEADER_MISMATCH' },
    { fixed: { status: 200, headers: { 'content-type': 'application/json' } }, extra: {}, code: 'BODY_MISMATCH' },
    {
      fixed: { status: 200, headers: { 'content-type': 'application/json' }, text: '{"checks":{"db":"down"},"healthy":1}' },
      extra: {},
      code: 'JSON_MISMATCH',
    },
    {
      fixed: { status: 200, headers: { 'content-type': 'application/json' }, text: '{"checks":{"db":"ok"},"healthy":1}' },
      extra: {},
      code: 'SLOW_RESPONSE',
    },
    {
      fixed: { status: 200, headers: { 'content-type': 'application/json' }, text: '{"checks":{"db":"ok"},"healthy":1}' },
      extra: { durationMs: 5 },
      code: 'CERT_EXPIRING',
    },
  ])('reports $code first once the earlier expectations hold', ({ fixed, extra, code }) => {
    const failing = input({ ...broken, ...fixed }, { durationMs: 812, certExpiresInDays: 2, ...extra });
    expect(evaluateExpectations(strict, failing)?.code).toBe(code);
  });

  it('runs in the documented order: status, headers, body, json, response time, cert', () => {
    expect(EXPECTATIONS).toEqual([status, headers, bodyMatches, json, maxResponseTime, certExpiry]);
  });

  it('compiles the regexes of one ExpectSpec once', () => {
    const spec = expectSpec({ bodyMatches: 'a', headers: { x: 'b' } });
    const first = compiledExpectSpec(spec);
    evaluateExpectations(spec, input({ text: 'a', headers: { x: 'b' } }));
    expect(compiledExpectSpec(spec)).toBe(first);
    expect(compiledExpectSpec(expectSpec({ bodyMatches: 'a' }))).not.toBe(first);
  });

  describe('when decoding the body', () => {
    afterEach(() => jest.restoreAllMocks());

    it('never decodes it without a body or json expectation', () => {
      const decode = jest.spyOn(TextDecoder.prototype, 'decode');
      const spec = expectSpec({ headers: { x: 'b' }, maxResponseTime: 100 });
      expect(evaluateExpectations(spec, input({ text: 'a', headers: { x: 'b' } }))).toBeUndefined();
      expect(decode).not.toHaveBeenCalled();
    });

    it('decodes it once for both body and json expectations', () => {
      const decode = jest.spyOn(TextDecoder.prototype, 'decode');
      const spec = expectSpec({ bodyMatches: 'ok', bodyNotMatches: 'down', json: { a: 'ok' } });
      expect(evaluateExpectations(spec, input({ text: '{"a":"ok"}' }))).toBeUndefined();
      expect(decode).toHaveBeenCalledTimes(1);
    });
  });

  it('documents every code an expectation can give', () => {
    expect(Object.keys(EXPECTATION_CODES).sort()).toEqual(
      [
        'BODY_MISMATCH',
        'CERT_EXPIRING',
        'HEADER_MISMATCH',
        'INVALID_EXPECTATION',
        'JSON_MISMATCH',
        'SLOW_RESPONSE',
        'UNEXPECTED_STATUS',
      ].sort(),
    );
    for (const meaning of Object.values(EXPECTATION_CODES)) expect(meaning).toMatch(/^[A-Z].+\.$/);
  });
});
