import { probeValues } from '../../src/metrics/probeValues.js';
import { STARTED_AT_SECONDS, checkResult, httpsResult, refusedResult } from './fixtures.js';

describe('probeValues', () => {
  describe('when the check got a response', () => {
    it('has success, duration, status, content length, redirects and phases in seconds', () => {
      expect(probeValues(checkResult())).toEqual({
        success: 1,
        durationSeconds: 0.12,
        statusCode: 200,
        contentLength: 42,
        redirects: 0,
        phaseSeconds: { resolve: 0, connect: 0.01, tls: 0, processing: 0.1, transfer: 0.01 },
        certExpiry: undefined,
      });
    });

    it('has content length -1 when the response sent no Content-Length', () => {
      expect(probeValues(checkResult({ contentLength: undefined })).contentLength).toBe(-1);
    });

    it('has success 0 when an expectation failed', () => {
      const result = checkResult({ ok: false, status: 500, error: { code: 'UNEXPECTED_STATUS', message: '500' } });
      expect(probeValues(result)).toMatchObject({ success: 0, statusCode: 500 });
    });
  });

  describe('when no response arrived', () => {
    it('has status 0, content length 0, redirects 0 and every phase 0', () => {
      expect(probeValues(refusedResult())).toEqual({
        success: 0,
        durationSeconds: 0.002,
        statusCode: 0,
        contentLength: 0,
        redirects: 0,
        phaseSeconds: { resolve: 0, connect: 0, tls: 0, processing: 0, transfer: 0 },
        certExpiry: undefined,
      });
    });
  });

  describe('for https', () => {
    it.each([
      [30.5, STARTED_AT_SECONDS + 30.5 * 86_400],
      [0.00001, STARTED_AT_SECONDS + 1],
      [-2, STARTED_AT_SECONDS - 2 * 86_400],
    ])('turns %d days left into the expiry in unix seconds', (days, expiry) => {
      expect(probeValues(httpsResult({ certExpiresInDays: days })).certExpiry).toBe(expiry);
    });

    it('has the redirects and the tls phase', () => {
      expect(probeValues(httpsResult())).toMatchObject({ redirects: 1, phaseSeconds: { tls: 0.04, resolve: 0.005 } });
    });
  });
});
