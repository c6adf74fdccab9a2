import { ServerStartError, hostPort } from '../../src/server/serverStartError.js';

describe('ServerStartError', () => {
  it.each([
    ['EADDRINUSE', 'cannot listen on 127.0.0.1:9115: address in use'],
    ['EACCES', 'cannot listen on 127.0.0.1:9115: permission denied'],
  ])('words %s for people', (code, message) => {
    const error = new ServerStartError('127.0.0.1', 9115, code, new Error('listen ' + code));
    expect(error).toMatchObject({ name: 'ServerStartError', code, host: '127.0.0.1', port: 9115, message });
  });

  it('falls back to the original message for an unusual code', () => {
    const cause = Object.assign(new Error('something odd'), { code: 'EODD' });
    const error = new ServerStartError('127.0.0.1', 80, 'EODD', cause);
    expect(error.message).toBe('cannot listen on 127.0.0.1:80: something odd');
    expect(error.cause).toBe(cause);
  });
});

describe('hostPort', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1:9115'],
    ['localhost', 'localhost:9115'],
    ['::1', '[::1]:9115'],
  ])('formats %s', (host, expected) => {
    expect(hostPort(host, 9115)).toBe(expected);
  });
});
