import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Transpiles `src/storage/` into a fresh temporary directory that a plain `node` child process can
 * import (no build, no loader): the kill -9 test needs the real adapter in a process it can kill.
 * `node_modules` is linked in so `better-sqlite3` and `rxjs` resolve.
 *
 * @returns The directory; `storage/sqliteStore.js` is inside.
 */
export function transpileStorage(): string {
  const out = mkdtempSync(join(tmpdir(), 'rxmon-storage-js-'));
  mkdirSync(join(out, 'storage'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  const source = join(ROOT, 'src/storage');
  for (const file of readdirSync(source).filter((name) => name.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(source, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true },
    });
    writeFileSync(join(out, 'storage', file.replace(/\.ts$/, '.js')), outputText);
  }
  return out;
}
