import { checkMessage } from '../../src/logging/checkMessage.js';
import { makeResult } from '../support/specs.js';

describe('checkMessage', () => {
  it('says status, bytes and time for a response, and the error when it failed', () => {
    expect(checkMessage(makeResult({ url: 'http://a/', status: 200, bytes: 648, durationMs: 67.4 }))).toBe('GET http://a/ 200 648 B 67 ms');
    expect(
      checkMessage(makeResult({ url: 'http://a/', ok: false, status: 503, bytes: 12, durationMs: 40, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } })),
    ).toBe('GET http://a/ 503 12 B 40 ms: UNEXPECTED_STATUS status 503');
  });

  it('without a response: "failed after" when it failed, "ok after" for an ok result such as a heartbeat ping', () => {
    const noResponse = { url: 'http://a/', status: undefined, bytes: 0, durationMs: 3 };
    expect(checkMessage(makeResult({ ...noResponse, ok: false, error: { code: 'ECONNREFUSED', message: 'refused' } }))).toBe('GET http://a/ failed after 3 ms: ECONNREFUSED refused');
    expect(checkMessage(makeResult({ ...noResponse, method: 'POST', url: '/ping/backup/***', ok: true, durationMs: 840 }))).toBe('POST /ping/backup/*** ok after 840 ms');
  });
});
