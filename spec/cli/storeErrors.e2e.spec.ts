import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksOf, ensureBuilt, killDaemons, runDaemon, startDaemon, writeTempConfig } from '../support/daemon.js';

/** The daemon meets a store it cannot use: exit 2, a one-line message naming the file, the file untouched. */
describe('the daemon with an unusable SQLite file', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'rxmon-store-errors-'));
  });
  afterEach(killDaemons);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const configFor = (path: string) => writeTempConfig(`storage: { type: sqlite, path: "${path}" }\nmonitors:\n  a: { url: "http://127.0.0.1:9/", check_every: 0.2, timeout: 0.1 }\n`);

  it('exits 2 for a file that is not a SQLite database, and leaves it as it was', async () => {
    const path = join(dir, 'notes.txt');
    const text = 'my notes, not a database\n'.repeat(200);
    writeFileSync(path, text);
    const { code, stdout, stderr } = await runDaemon(['--config', configFor(path)]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(new RegExp(`^rxmon: ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*not a SQLite database`));
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).not.toMatch(/"msg":"Check/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a second daemon on the same file, naming it', async () => {
    const path = join(dir, 'shared.sqlite');
    const config = configFor(path);
    const first = startDaemon(['--config', config]);
    await first.waitFor((records) => checksOf(records, 'a').length >= 1);
    const second = await runDaemon(['--config', config]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/shared\.sqlite/);
    expect(second.stderr).toMatch(/in use by another rxmon/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    // The first goes on, and history can still be read beside it.
    const history = await runDaemon(['history', '--config', config]);
    expect(history.code).toBe(0);
    first.child.kill('SIGTERM');
    expect((await first.exited()).code).toBe(0);
  });
});
