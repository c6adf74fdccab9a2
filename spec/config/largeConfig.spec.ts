import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigConfigYaml } from '../../bench/bigConfig.mjs';
import { ConfigError } from '../../src/config/configError.js';
import { MAX_CONFIG_BYTES, parseConfig } from '../../src/config/parseConfig.js';
import { readConfigFile } from '../../src/config/readConfigFile.js';
import { readYamlDocument } from '../../src/config/readYamlDocument.js';

const ENV = { BENCH_TOKEN: 'token-1234' };

/**
 * CPU time (this process, all threads: GC included) of `work`, best of two runs: not wall time,
 * so that other processes on the machine do not count.
 */
function cpuMs(work: () => unknown): number {
  const once = () => {
    const start = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
  return Math.min(once(), once());
}

/** The message of what `work` throws. */
function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

// Growth, not speed (speed is `npm run bench`'s "config load" row): 8× the monitors must cost about
// 8× the work. The bound is generous (16×) for a noisy machine; the quadratic steps this guards
// against (yaml's unique-key check, a key lookup scanning the whole monitors map per problem) made
// it 25× and more at these sizes.
describe('a large config', () => {
  const small = 4_000;
  const large = 8 * small;

  it('parses as YAML in time linear in the number of monitors', () => {
    const texts = [bigConfigYaml(small), bigConfigYaml(large)];
    const [smallMs, largeMs] = texts.map((text) => cpuMs(() => expect(readYamlDocument(text).ok).toBe(true)));
    expect(largeMs / smallMs).toBeLessThan(16);
  }, 120_000);

  it('places problems in time linear in their number (every monitor has an unknown key)', () => {
    const bad = (count: number) => bigConfigYaml(count).replace(/^( {4})check_every:/gm, '$1chek_every:');
    const [smallText, largeText] = [bad(small / 4), bad(large / 4)];
    let message = '';
    const [smallMs, largeMs] = [smallText, largeText].map((text) => cpuMs(() => (message = messageOf(() => parseConfig(text, 'big.yml', ENV)))));
    expect(message).toBe('big.yml:9: monitors.svc-000000.chek_every: unknown key (did you mean check_every?)');
    expect(largeMs / smallMs).toBeLessThan(16);
  }, 120_000);

  it('finds a duplicate monitor name at the end of a large file, with its line', () => {
    const text = `${bigConfigYaml(large)}  svc-000007:\n    url: http://127.0.0.1/\n`;
    const line = text.split('\n').length - 2;
    expect(messageOf(() => parseConfig(text, 'big.yml', ENV))).toBe(`big.yml:${line}: monitors.svc-000007: duplicate monitor name`);
  });

  it('is admitted when it is a realistic 100,000-monitor file (about 9 MB)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rxmon-big-'));
    try {
      const file = join(dir, 'big.yml');
      await writeFile(file, bigConfigYaml(100_000));
      const bytes = await readConfigFile(file);
      expect(bytes.byteLength).toBeGreaterThan(4 * 2 ** 20);
      expect(bytes.byteLength).toBeLessThan(MAX_CONFIG_BYTES);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads 25,000 monitors, each merged over defaults:', () => {
    const config = parseConfig(bigConfigYaml(25_000), 'big.yml', ENV);
    expect(config.monitors).toHaveLength(25_000);
    expect(config.monitors[7].headers).toEqual({ 'User-Agent': 'rxmon-bench', 'X-Service': 'svc-000007' });
    expect(config.secrets).toContain('token-1234');
  });
});
