import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/configError.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { watchConfigFiles } from '../../src/config/watchConfigFiles.js';

describe('include: (a config split over several files)', () => {
  let dir: string;
  let cwd: string;

  /** Writes files under the temporary directory: relative path → text. */
  async function files(tree: Record<string, string>): Promise<void> {
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  }

  /** The message loading `config.yml` fails with (paths as a user in the directory sees them). */
  async function messageOf(): Promise<string> {
    try {
      await loadConfig('config.yml', {});
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('expected a ConfigError');
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxmon-include-'));
    cwd = process.cwd();
    process.chdir(dir);
  });

  afterEach(async () => {
    process.chdir(cwd);
    await rm(dir, { recursive: true, force: true });
  });

  it('merges the monitors of a directory (its YAML files by name) and of a file, after the main file', async () => {
    await files({
      'config.yml': 'include: [monitors.d, extra/api.yml]\ndefaults: { timeout: 2 }\nmonitors:\n  home: { url: "http://127.0.0.1/" }\n',
      'monitors.d/b.yml': 'monitors:\n  bee: { url: "http://127.0.0.1/b" }\n',
      'monitors.d/a.yaml': 'monitors:\n  ant: { url: "http://127.0.0.1/a", check_every: 30 }\n',
      'monitors.d/notes.txt': 'not a config',
      'monitors.d/empty.yml': '',
      'extra/api.yml': 'monitors:\n  api: { url: "http://127.0.0.1/api" }\n',
    });
    const config = await loadConfig('config.yml', {});
    expect(config.monitors.map(({ name, timeout }) => [name, timeout])).toEqual([
      ['home', 2000],
      ['ant', 2000],
      ['bee', 2000],
      ['api', 2000],
    ]);
    expect(config.includes).toEqual([join(dir, 'monitors.d'), join(dir, 'extra/api.yml')]);
  });

  it('lets the main file have no monitors of its own', async () => {
    await files({ 'config.yml': 'include: [web.yml]\n', 'web.yml': 'monitors:\n  web: { url: "http://127.0.0.1/" }\n' });
    expect((await loadConfig('config.yml', {})).monitors.map(({ name }) => name)).toEqual(['web']);
  });

  it.each<{ name: string; tree: Record<string, string>; expected: unknown }>([
    {
      name: 'a bad value in an included file names that file and line',
      tree: {
        'config.yml': 'include: [monitors.d]\nmonitors:\n  home: { url: "http://127.0.0.1/" }\n',
        'monitors.d/web.yml': 'monitors:\n  web:\n    url: http://127.0.0.1/\n    timeout: -1\n',
      },
      expected: 'monitors.d/web.yml:4: monitors.web.timeout: expected a positive duration such as 5, "500ms", "2s" or "1m"',
    },
    {
      name: 'an unknown key in an included monitor',
      tree: { 'config.yml': 'include: web.yml\n', 'web.yml': 'monitors:\n  web:\n    url: http://127.0.0.1/\n    chek_every: 5\n' },
      expected: 'web.yml:4: monitors.web.chek_every: unknown key (did you mean check_every?)',
    },
    {
      name: 'the main file’s problems come first',
      tree: {
        'config.yml': 'include: [web.yml]\nmonitors:\n  home: { url: "http://127.0.0.1/", timeout: 0 }\n',
        'web.yml': 'monitors:\n  web: { url: 5 }\n',
      },
      expected: 'config.yml:3: monitors.home.timeout: expected a positive duration such as 5, "500ms", "2s" or "1m"',
    },
    {
      name: 'a monitor name in two files names both',
      tree: {
        'config.yml': 'include: [monitors.d]\nmonitors:\n  home: { url: "http://127.0.0.1/" }\n  api: { url: "http://127.0.0.1/" }\n',
        'monitors.d/web.yml': 'monitors:\n  web: { url: "http://127.0.0.1/" }\n  api: { url: "http://127.0.0.1/" }\n',
      },
      expected: 'monitors.d/web.yml:3: monitors.api: duplicate monitor name (also at config.yml:4)',
    },
    {
      name: 'a missing included path points at its include: entry',
      tree: { 'config.yml': 'include:\n  - web.yml\n  - nowhere.d\nmonitors:\n  home: { url: "http://127.0.0.1/" }\n', 'web.yml': '' },
      expected: 'config.yml:3: include[1]: cannot read nowhere.d: no such file',
    },
    {
      name: 'an included file with other keys than monitors:',
      tree: { 'config.yml': 'include: [web.yml]\n', 'web.yml': 'monitors: {}\nalerts: []\n' },
      expected: 'web.yml:2: alerts: unknown key (an included file holds only monitors:)',
    },
    {
      name: 'invalid YAML in an included file',
      tree: { 'config.yml': 'include: [web.yml]\n', 'web.yml': 'monitors:\n  web: { url: "x\n' },
      expected: expect.stringMatching(/^web\.yml:\d+: not valid YAML: /),
    },
    {
      name: 'include: of the wrong type',
      tree: { 'config.yml': 'include: { a: 1 }\nmonitors:\n  home: { url: "http://127.0.0.1/" }\n' },
      expected: 'config.yml:1: include: expected a list of files or directories, got a map',
    },
  ])('$name', async ({ tree, expected }) => {
    await files(tree);
    expect(await messageOf()).toEqual(expected);
  });
});

describe('watchConfigFiles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxmon-watch-'));
    await mkdir(join(dir, 'monitors.d'));
    await writeFile(join(dir, 'config.yml'), 'include: [monitors.d]\n');
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Resolves when `onChange` has been called after `change` runs (rejects after 5 s). */
  async function changeSeen(includes: string[], change: () => Promise<void>, update?: string[]): Promise<void> {
    let seen: () => void = () => undefined;
    const called = new Promise<void>((resolve) => (seen = resolve));
    const watcher = watchConfigFiles(join(dir, 'config.yml'), includes, () => seen());
    if (update) watcher.update(update);
    try {
      await change();
      await Promise.race([called, new Promise((_, reject) => setTimeout(() => reject(new Error('no change seen')), 5_000))]);
    } finally {
      watcher.close();
    }
  }

  it('sees a file added to an included directory', async () => {
    await changeSeen([join(dir, 'monitors.d')], () => writeFile(join(dir, 'monitors.d/new.yml'), 'monitors: {}\n'));
  });

  it('sees the main file replaced', async () => {
    await changeSeen([], () => writeFile(join(dir, 'config.yml'), 'monitors: {}\n'));
  });

  it('after update(), sees what the new config includes', async () => {
    await writeFile(join(dir, 'web.yml'), '');
    await changeSeen([], () => writeFile(join(dir, 'web.yml'), 'monitors: {}\n'), [join(dir, 'web.yml')]);
  });
});
