import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/daemon.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';

/** What one process printed, and how it ended. */
interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end.
 *
 * @param command The program.
 * @param args Its arguments.
 * @param cwd Where.
 * @returns Its exit code and output.
 */
function run(command: string, args: string[], cwd: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The monitor of every check record in a daemon's stdout. */
function checkedMonitors(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => 'durationMs' in record)
    .map((record) => String(record.monitor));
}

// A copy of the project without dist/, so that these builds never disturb the tests running beside them.
describe('npm start (scripts/ensureBuilt.mjs as prestart)', () => {
  let project: string;
  let target: TestServer;
  let config: string;
  const names = Array.from({ length: 60 }, (_, index) => `svc-${index}`);
  const shard = (index: number) => run('npm', ['start', '--silent', '--', '--once', '--shard', `${index}/3`, '--config', config], project);

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'rxmon-project-'));
    for (const entry of ['src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
      cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    target = await startHttpServer((_, response) => response.end('ok'));
    config = join(project, 'shards.yml');
    writeFileSync(config, `monitors:\n${names.map((name) => `  ${name}: { url: "${target.url}/" }`).join('\n')}\n`);
  });

  afterAll(async () => {
    await target.close();
    rmSync(project, { recursive: true, force: true });
  });

  it('three shards started together on a fresh copy: one builds, the others wait, every monitor is checked once', async () => {
    expect(existsSync(join(project, 'dist'))).toBe(false);
    const shards = await Promise.all([0, 1, 2].map(shard));
    for (const { code, stderr } of shards) expect({ code, stderr: stderr.replace(/^rxmon: (building|waiting).*\n/gm, '') }).toEqual({ code: 0, stderr: '' });
    const builds = shards.filter(({ stderr }) => stderr.includes('rxmon: building dist/'));
    expect(builds).toHaveLength(1);
    expect(shards.flatMap(({ stdout }) => checkedMonitors(stdout)).sort()).toEqual([...names].sort());
    for (const { stdout } of shards) expect(checkedMonitors(stdout).length).toBeGreaterThan(0);
  }, 240_000);

  it('with dist/ up to date, starts without building', async () => {
    const again = await shard(0);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('building');
    expect(checkedMonitors(again.stdout).length).toBeGreaterThan(0);
  }, 60_000);

  it('rebuilds once a source file is newer than the build, and leaves no work files behind', async () => {
    const now = Date.now() / 1000;
    utimesSync(join(project, 'src/main.ts'), now, now);
    const rebuilt = await run(process.execPath, ['scripts/ensureBuilt.mjs'], project);
    expect(rebuilt).toMatchObject({ code: 0, stderr: expect.stringContaining('rxmon: building dist/') });
    expect(existsSync(join(project, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(project, '.build/lock'))).toBe(false);
    const quiet = await run(process.execPath, ['scripts/ensureBuilt.mjs'], project);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 240_000);
});
