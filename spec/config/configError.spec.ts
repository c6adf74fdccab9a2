import { ConfigError, formatConfigErrorMessage } from '../../src/config/configError.js';

describe('ConfigError', () => {
  it.each([
    {
      details: { file: 'bad.yml', line: 5, key: 'monitors.broken.timeout', problem: 'expected a positive duration' },
      message: 'bad.yml:5: monitors.broken.timeout: expected a positive duration',
    },
    { details: { file: 'bad.yml', problem: 'cannot read: no such file' }, message: 'bad.yml: cannot read: no such file' },
    {
      details: { file: 'conf/bad.yml', line: 3, problem: 'not valid YAML: Missing closing "quote' },
      message: 'conf/bad.yml:3: not valid YAML: Missing closing "quote',
    },
    { details: { key: 'checkEvery', problem: 'expected a positive duration' }, message: 'checkEvery: expected a positive duration' },
    { details: { problem: 'something' }, message: 'something' },
  ])('formats "$message"', ({ details, message }) => {
    expect(formatConfigErrorMessage(details)).toBe(message);
    const error = new ConfigError(details);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(message);
    expect(error).toMatchObject(details);
  });

  it('keeps the cause for programs, out of the message', () => {
    const cause = new Error('ENOENT: no such file or directory, stat bad.yml');
    const error = new ConfigError({ file: 'bad.yml', problem: 'cannot read: no such file', cause });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('bad.yml: cannot read: no such file');
  });
});
