import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { bigConfigYaml, bigMonitorLines } from '../../bench/bigConfig.mjs';
import { ConfigError } from '../../src/config/configError.js';
import { parseConfig } from '../../src/config/parseConfig.js';
import { FAST_YAML_FROM_BYTES, readYamlFast } from '../../src/config/readYamlFast.js';

const ENV = { BENCH_TOKEN: 'token-1234' };

/** What yaml's document model (the exact way) makes of `text`, or `undefined` where it finds errors. */
function exact(text: string): { data: unknown } | undefined {
  const document = parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  try {
    return { data: document.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

// Plain scalars of every core-schema kind and the forms around them, quoting, block scalars with
// each chomping, flow collections, merge keys, comments, keys of other types.
const SCALARS = ['0x1F', '0o17', '017', '1_000', '1e3', '1.5e-3', '.5', '+12', '-0', '+.inf', '-.Inf', '.NaN', '~', 'null', 'NULL', '', 'TRUE', 'True', 'yes', 'on', 'No',
  '2026-01-01', '2026-01-01T00:00:00Z', '12:30', '1:20:30', '0b101', '"0x10"', "'a''b'", '"\\u00e9\\x41\\t"', '30s', '-', '.', '0.', '00', '+0x1', '0xG', '1,000', 'foo # c',
  '@x', 'http://a/b?c=1&d=2', '"${TOKEN}"', '"$${LITERAL}"'];
const DOCUMENTS = [
  ...SCALARS.map((scalar) => `k: ${scalar}\n`),
  'm:\n  <<: {a: 1, b: 2}\n  b: 3\n',
  'm:\n  <<: [{a: 1}, {a: 2, b: 3}]\n  c: 4\n',
  'k: |\n  a\n   b\n\n',
  'k: >-\n  a\n  b\n\n  c\n',
  'k: |+\n  a\n\n',
  'k: >\n  a\n\n\n  b\n',
  'k: "a\\\n  b"\n',
  "k: 'a\n\n  b'\n",
  '1: a\n2: b\ntrue: c\n',
  '- a\n- b: c\n  d: e\n',
  'k: {a: [1, {b: c}], "q": \'r\'}\n',
  'k: v # comment\n# end\n',
  '\ufeffk: v\n',
  'k: "tab\there"\n',
  '---\nk: v\n',
  '---\nk: v\n...\n',
  '%YAML 1.2\n---\nk: v\n',
  'k: [a, b, ]\n',
  'k:\n  - 1\n  -\n  - 3\n',
  'monitors:\n  api:\n    url: https://example.com/health\n    headers: { Authorization: "Bearer ${TOKEN}" }\n    expect: { status: [200, "300-399"] }\n',
];

describe('readYamlFast', () => {
  // Where the document model finds an error, the fast way must give up too (then yaml places it).
  it.each(DOCUMENTS)('reads %j as the document model does', (text) => {
    expect(readYamlFast(text)).toEqual(exact(text));
  });

  it('reads the plain forms a config is made of (nothing falls back)', () => {
    for (const text of [bigConfigYaml(200), 'k: 30s\n', 'k: [200, "300-399"]\n', 'm:\n  <<: {a: 1}\n  b: 2\n']) {
      expect(readYamlFast(text)).toEqual(exact(text));
    }
  });

  it.each([
    ['an alias (so no alias bomb gets through)', 'a: &x {b: 1}\nc: *x\n'],
    ['a merge of an alias', 'base: &b {x: 1}\nm:\n  <<: *b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an explicit tag (the two parsers read !!float 1 differently)', 'k: !!float 1\n'],
    ['a local tag', 'k: !env HOME\n'],
    ['a null key (yaml names it "", js-yaml "null")', 'null: a\n'],
    ['a ~ key', 'm:\n  ~: a\n'],
    ['several documents', 'k: v\n---\nz: 1\n'],
    ['a syntax error', 'k: [1, 2\n'],
    ['an empty file', ''],
  ])('gives up on %s', (_, text) => {
    expect(readYamlFast(text)).toBeUndefined();
  });
});

describe('parseConfig of a large file (read fast first)', () => {
  const text = bigConfigYaml(6_000);

  it('is large enough to be read fast', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(FAST_YAML_FROM_BYTES);
  });

  it('resolves the same config as the exact way', () => {
    expect(parseConfig(text, 'big.yml', ENV)).toEqual(parseConfig(text, 'big.yml', ENV, { fastYaml: false }));
  });

  it('still names the file, line and key of a problem', () => {
    const bad = text.replace(/( {2}svc-005000:\n.*\n {4})check_every: \d+/, '$1check_every: -1');
    expect(bad).not.toBe(text);
    const line = bad.split('\n').indexOf('    check_every: -1') + 1;
    expect(() => parseConfig(bad, 'big.yml', ENV)).toThrow(ConfigError);
    expect(() => parseConfig(bad, 'big.yml', ENV)).toThrow(`big.yml:${line}: monitors.svc-005000.check_every: expected a positive duration`);
  });

  it('still refuses an alias bomb at its line', () => {
    const bomb = `${text}bomb:\n  a: &a ["x", "x"]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(() => parseConfig(bomb, 'big.yml', ENV)).toThrow(/^big\.yml:\d+: not valid YAML: too many alias expansions/);
  });

  it('reads a large included file fast too, with the same result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rxmon-fast-include-'));
    try {
      await writeFile(join(dir, 'fleet.yml'), `monitors:\n${bigMonitorLines(0, 6_000).join('\n')}\n`);
      const main = 'include: [fleet.yml]\ndefaults: { timeout: 5 }\nmonitors:\n  home: { url: "http://127.0.0.1/" }\n';
      const file = join(dir, 'config.yml');
      const config = parseConfig(main, file, ENV);
      expect(config.monitors).toHaveLength(6_001);
      expect(config).toEqual(parseConfig(main, file, ENV, { fastYaml: false }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
