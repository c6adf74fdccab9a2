#!/usr/bin/env node
/**
 * Makes sure `dist/` is a complete build of `src/`, safely when several copies run at once (shards
 * started side by side with `npm start`).
 *
 * - Up to date (the stamp `dist/.build-stamp` is newer than every file and directory under `src/`
 *   and both tsconfig files): returns at once, without loading TypeScript. This is `prestart`.
 * - Otherwise, or with `--force` (`npm run build`): takes a lock (`mkdir .build/lock`; others wait
 *   for it and then look again), compiles into a fresh `.build/dist-<pid>/`, writes the stamp there
 *   and moves the finished tree into place with two renames. No process ever sees a half-written
 *   `dist/`; a daemon already running keeps the modules it has loaded.
 *
 * A lock whose owner process is gone (or an ownerless lock older than a minute) is taken over.
 *
 * Usage: `node scripts/ensureBuilt.mjs [--force] [--quiet]`. Exit 0 when `dist/` is up to date,
 * else tsc's exit code (tsc's messages on stdout as usual; `dist/` is then left as it was).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the directory above `scripts/`). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
/** Work space for builds in progress and the lock (same file system as `dist/`, so renames are atomic). */
const WORK = join(ROOT, '.build');
const LOCK = join(WORK, 'lock');
/** What a build reads: a change to any of them (or a file added or removed under `src/`) means a rebuild. */
const INPUTS = [join(ROOT, 'src'), join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json')];
/** How long to wait for another builder before giving up. */
const LOCK_WAIT_MS = 10 * 60_000;
/** An ownerless lock (its owner died between `mkdir` and writing its pid) older than this is stale. */
const ORPHAN_LOCK_MS = 60_000;

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const quiet = args.has('--quiet');

/**
 * The newest modification time under `path` (files and directories: removing a file changes its
 * directory's time).
 *
 * @param {string} path A file or directory.
 * @returns {number} Milliseconds since the epoch; `Infinity` when `path` is missing (always rebuild).
 */
function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return Infinity;
  }
  let newest = info.mtimeMs;
  if (info.isDirectory()) {
    for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** @returns {boolean} Whether `dist/` holds a complete build newer than every input. */
function upToDate() {
  let stamp;
  try {
    stamp = statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  return INPUTS.every((input) => newestMtime(input) < stamp);
}

/**
 * @param {number} pid A process id.
 * @returns {boolean} Whether it is still running.
 */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** @returns {boolean} Whether the current lock is stale (its owner gone), in which case it is removed. */
function removeStaleLock() {
  let owner;
  try {
    owner = Number.parseInt(readOwner(), 10);
  } catch {
    owner = Number.NaN;
  }
  let age;
  try {
    age = Date.now() - statSync(LOCK).mtimeMs;
  } catch {
    return true; // gone already
  }
  const stale = Number.isInteger(owner) ? !isAlive(owner) : age > ORPHAN_LOCK_MS;
  if (stale) rmSync(LOCK, { recursive: true, force: true });
  return stale;
}

/** @returns {string} The pid written by the lock's owner. */
function readOwner() {
  return readdirSync(LOCK).find((name) => name.startsWith('pid-'))?.slice(4) ?? '';
}

/** @param {number} ms How long to block (this script has nothing else to do meanwhile). */
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Blocks until this process holds the lock. */
function acquireLock() {
  mkdirSync(WORK, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let announced = false; ; ) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, `pid-${process.pid}`), '');
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (removeStaleLock()) continue;
    if (Date.now() > deadline) throw new Error(`rxmon: gave up waiting for ${LOCK} (remove it if no build is running)`);
    if (!announced && !quiet) process.stderr.write('rxmon: waiting for another build of dist/ to finish\n');
    announced = true;
    sleep(100);
  }
}

function releaseLock() {
  rmSync(LOCK, { recursive: true, force: true });
}

/**
 * Compiles `src/` into a fresh directory and swaps it in for `dist/`.
 *
 * @returns {number} tsc's exit code.
 */
function build() {
  const started = Date.now();
  const temp = join(WORK, `dist-${process.pid}`);
  const old = join(WORK, `old-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', temp], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = result.status ?? 1;
  if (code !== 0 || !existsSync(join(temp, 'main.js'))) {
    rmSync(temp, { recursive: true, force: true });
    return code === 0 ? 1 : code;
  }
  // The stamp carries the time the build started: a source saved during the build triggers the next one.
  writeFileSync(join(temp, '.build-stamp'), `built by scripts/ensureBuilt.mjs, pid ${process.pid}\n`);
  utimesSync(join(temp, '.build-stamp'), started / 1000, started / 1000);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(temp, DIST);
  rmSync(old, { recursive: true, force: true });
  return 0;
}

function main() {
  if (!force && upToDate()) return 0;
  acquireLock();
  try {
    // Another builder may have finished while we waited.
    if (!force && upToDate()) return 0;
    if (!quiet) process.stderr.write(`rxmon: building dist/ (${force ? 'npm run build' : 'src/ is newer than dist/'})\n`);
    return build();
  } finally {
    releaseLock();
  }
}

process.exitCode = main();
