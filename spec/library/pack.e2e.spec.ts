import { execFile } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/daemon.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';
import { runNode } from './runNode.js';

const execFileAsync = promisify(execFile);

/** The environment without the test runner's NODE_OPTIONS and the `npm_*` of an enclosing `npm test`. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, NODE_OPTIONS: '' };
}

/** Runs a command to its end; a non-zero exit rejects with its output. */
async function run(command: string, args: string[], cwd: string): Promise<string> {
  const { stdout, stderr } = await execFileAsync(command, args, { cwd, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 });
  return stdout + stderr;
}

/** A program of a user's, type-checked under `strict` against the installed package's .d.ts. */
const USAGE_TS = `
import { type Observable, Subject, firstValueFrom, map } from 'rxjs';
import {
  type CheckResult, type Config, type MonitorSpec, type MonitorState,
  ConfigError, availability, dispatch, health, httpCheck, latency, loadConfig, monitor,
} from 'rxmon';

const spec: MonitorSpec = { name: 'api', url: 'http://127.0.0.1:8080/health', checkEvery: '5s', timeout: 2000 };
export const one: Promise<CheckResult> = firstValueFrom(httpCheck({ ...spec, expect: { status: [200, '300-399'] } }));
const stop$ = new Subject<void>();
const results$: Observable<CheckResult> = dispatch([monitor(spec), monitor({ ...spec, name: 'web' })], stop$);
export const states$: Observable<MonitorState> = results$.pipe(health({ failureThreshold: 3, successThreshold: 2 }));
export const ratios$: Observable<number> = results$.pipe(availability(60_000), map(({ ratio }) => ratio));
results$.pipe(latency(60_000)).subscribe(({ monitor, p50, p95, p99, checks }) => console.log(monitor, p99 - p50 - p95, checks));
states$.subscribe(({ monitor, state, since, result, consecutive }) => {
  const code: string | undefined = result.error?.code;
  console.log(monitor, state === 'up', since, code, consecutive);
});
export const config: Promise<Config> = loadConfig('rxmon.yml');
export const keyOf = (error: unknown): string | undefined => (error instanceof ConfigError ? error.key : undefined);
// @ts-expect-error: snake_case keys are the YAML's, not the library's
export const yamlStyle: MonitorSpec = { name: 'api', url: 'http://127.0.0.1:8080/', check_every: '5s' };
// @ts-expect-error: a MonitorState is 'up' or 'down'
export const unknownState: MonitorState['state'] = 'unknown';
`;

/** The functions the issue names as the public API. */
const CONTRACT = ['httpCheck', 'monitor', 'dispatch', 'health', 'availability', 'latency', 'loadConfig'];

/** A program of a user's, run with node: where 'rxmon' resolves and what the contract names are. */
const SMOKE_MJS = `
import * as rxmon from 'rxmon';
console.log(import.meta.resolve('rxmon'));
console.log(${JSON.stringify(CONTRACT)}.map((name) => name + ':' + typeof rxmon[name]).join(' '));
`;

describe('the npm pack tarball, installed in a fresh ESM project', () => {
  let dir: string;
  let app: string;
  let server: TestServer | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rxmon-pack-'));
    // Pack a copy, so `prepare` builds a clean dist/ there while other suites run the project's own.
    const source = join(dir, 'source');
    const skipped = new Set(['node_modules', '.git', 'dist'].map((name) => join(ROOT, name)));
    cpSync(ROOT, source, { recursive: true, filter: (path) => !skipped.has(path) });
    symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
    await run('npm', ['pack', '--pack-destination', dir], source); // `prepare` builds dist/ first
    const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack left no tarball in ${dir}`);
    app = join(dir, 'app');
    mkdirSync(app);
    const manifest = { name: 'app', version: '1.0.0', private: true, type: 'module' };
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest));
    // The same @types/node as ours: the npm cache has it (rxmon's .d.ts mention Buffer and NodeJS.ProcessEnv).
    const typesNode: string = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')).version;
    const packages = [join(dir, tarball), `@types/node@${typesNode}`];
    // Without the optional SQL drivers: a library user with the in-memory store needs no native addon.
    await run('npm', ['install', ...packages, '--omit=optional', '--no-audit', '--no-fund', '--prefer-offline'], app);
  }, 120_000);

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('installs the entry point, its type declarations and the daemon (built by `prepare`: the copy had no dist/)', () => {
    const installed = join(app, 'node_modules/rxmon');
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/library/checks.d.ts', 'dist/main.js', 'README.md']) {
      expect(existsSync(join(installed, file))).toBe(true);
    }
  });

  it('type-checks a program using the public API under strict, with the project tsc', async () => {
    writeFileSync(join(app, 'usage.ts'), USAGE_TS);
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const flags = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--noEmit'];
    // A type error rejects with tsc's output, which then shows in the failure.
    await expect(run(tsc, [...flags, 'usage.ts'], app)).resolves.toBe('');
  }, 60_000);

  it('resolves rxmon from node_modules and exports the contract names as functions', async () => {
    writeFileSync(join(app, 'smoke.mjs'), SMOKE_MJS);
    const smoke = await runNode(['smoke.mjs'], app);
    expect(smoke.stderr).toBe('');
    expect(smoke.stdout.split('\n')).toEqual([
      `file://${join(app, 'node_modules/rxmon/dist/index.js')}`,
      CONTRACT.map((name) => `${name}:function`).join(' '),
      '',
    ]);
  });

  it('runs an example, copied as is, against a local server', async () => {
    let served = 0;
    server = await startHttpServer((_req, res) => res.writeHead(served++ % 2 === 0 ? 200 : 500).end());
    copyFileSync(join(ROOT, 'examples/availability.mjs'), join(app, 'availability.mjs'));
    const example = await runNode(['availability.mjs', `${server.url}/health`, '2'], app);
    expect(example.stdout).toBe('api: 100.0% of 1 checks ok in the last hour\napi: 50.0% of 2 checks ok in the last hour\n');
    expect(example.code).toBe(0);
  });
});
