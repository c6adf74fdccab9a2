import { parseByteSize } from '../../src/config/byteSize.js';

describe('parseByteSize', () => {
  it.each([
    { value: 1_048_576, bytes: 1_048_576 },
    { value: '1048576', bytes: 1_048_576 },
    { value: '100B', bytes: 100 },
    { value: '10kB', bytes: 10_000 },
    { value: '10KB', bytes: 10_000 },
    { value: '512KiB', bytes: 524_288 },
    { value: '1MiB', bytes: 1_048_576 },
    { value: '1.5 MB', bytes: 1_500_000 },
    { value: '2GiB', bytes: 2_147_483_648 },
  ])('reads $value as $bytes bytes', ({ value, bytes }) => {
    expect(parseByteSize(value)).toBe(bytes);
  });

  it.each([0, -1, 1.5, '0KiB', '1 parsec', 'MiB', '', null, [1]])('refuses %p', (value) => {
    expect(parseByteSize(value)).toBeUndefined();
  });
});
