import { describeTransportError } from '../../src/http/transportError.js';

const URL_4321 = new URL('http://user:secret@127.0.0.1:4321/path');

function systemError(code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { code }, extra);
}

describe('describeTransportError', () => {
  it.each([
    [systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4321', { address: '127.0.0.1', port: 4321 }), 'ECONNREFUSED', 'connection refused by 127.0.0.1:4321'],
    [systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND nope.invalid', { hostname: 'nope.invalid' }), 'ENOTFOUND', 'host nope.invalid not found (DNS)'],
    [systemError('EAI_AGAIN', 'DNS lookup of slow.test timed out', { hostname: 'slow.test' }), 'EAI_AGAIN', 'DNS lookup of slow.test failed for now (server did not answer)'],
    [systemError('ECONNRESET', 'socket hang up'), 'ECONNRESET', 'connection to 127.0.0.1:4321 closed before a response'],
    [systemError('ECONNRESET', 'read ECONNRESET'), 'ECONNRESET', 'connection to 127.0.0.1:4321 reset'],
    [systemError('EPIPE', 'write EPIPE'), 'EPIPE', 'connection to 127.0.0.1:4321 broke while sending the request'],
    [systemError('HPE_INVALID_CONSTANT', 'Parse Error: Expected HTTP/', { reason: 'Expected HTTP/' }), 'HPE_INVALID_CONSTANT', 'invalid HTTP response from 127.0.0.1:4321: Expected HTTP/'],
    [systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS: self-signed certificate (127.0.0.1:4321)'],
    [systemError('CERT_HAS_EXPIRED', 'certificate has expired'), 'CERT_HAS_EXPIRED', 'TLS: certificate has expired (127.0.0.1:4321)'],
    [systemError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'ERR_TLS_CERT_ALTNAME_INVALID', 'TLS certificate is not valid for 127.0.0.1'],
  ])('keeps the code of %p', (error, code, message) => {
    expect(describeTransportError(error, URL_4321)).toEqual({ code, message });
  });

  it('looks through an axios-style wrapper to its cause', () => {
    const cause = systemError('ECONNREFUSED', 'connect ECONNREFUSED', { address: '10.0.0.1', port: 80 });
    const wrapper = Object.assign(new Error('wrapped'), { code: 'ERR_WRAPPED', cause });
    expect(describeTransportError(wrapper, URL_4321)).toEqual({ code: 'ECONNREFUSED', message: 'connection refused by 10.0.0.1:80' });
  });

  it('keeps one masked line of an unknown error', () => {
    const error = systemError('ERR_ODD', 'http://u:pw@h/ failed\nsecond line');
    expect(describeTransportError(error, URL_4321)).toEqual({ code: 'ERR_ODD', message: 'http://u:***@h/ failed' });
  });

  it('gives ERR_UNKNOWN to something without a code, never echoing the URL password', () => {
    const described = describeTransportError('boom', URL_4321);
    expect(described).toEqual({ code: 'ERR_UNKNOWN', message: 'boom' });
    expect(JSON.stringify(described)).not.toContain('secret');
  });
});
