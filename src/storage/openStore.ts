import { resolve } from 'node:path';
import type { StorageSpec } from '../config/types.js';
import { MemoryStore } from './memoryStore.js';
import type { Store } from './store.js';
import { StoreError } from './storeError.js';

/**
 * The SQL drivers are optional dependencies (a library user with the in-memory store needs no
 * native addon): say clearly when the one a config names is missing.
 *
 * @param name The package.
 * @param where What the message names.
 * @throws {StoreError} When it cannot be loaded.
 */
async function requireDriver(name: 'better-sqlite3' | 'pg', where: string): Promise<void> {
  try {
    await import(name);
  } catch (error) {
    const version = name === 'better-sqlite3' ? '@12' : '';
    throw new StoreError(where, `${name} is not installed (an optional dependency of rxmon: npm install ${name}${version})`, { cause: error });
  }
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Where a relative SQLite path is resolved. Default: the working directory. */
  cwd?: string;
  /** `type: memory`: raw results kept per monitor (the status page's history size). */
  memoryResultsPerMonitor?: number;
  /** `type: memory`: keep hourly and daily aggregates (default true; off when nothing reads them). */
  memoryAggregates?: boolean;
  /** Open to read only (`rxmon history`, beside a running daemon): no migration, no lock. */
  readOnly?: boolean;
  /** SQLite: run the connection on a thread of its own (the daemon does; needs the compiled `dist/`). Default false. */
  sqliteThread?: boolean;
}

/**
 * Opens the store `storage:` names: the in-memory one, a SQLite file (created, or migrated in
 * place) or a PostgreSQL database. The SQL adapters are loaded only when named, so `type: memory`
 * never loads a native addon.
 *
 * @param spec The resolved `storage:` section.
 * @param options Where relative paths start; the memory store's bound.
 * @returns The open store.
 * @throws {StoreError} When the store cannot be used (exit 2 in the CLI).
 */
export async function openStore(spec: StorageSpec, { cwd = process.cwd(), memoryResultsPerMonitor, memoryAggregates, readOnly = false, sqliteThread = false }: OpenStoreOptions = {}): Promise<Store> {
  switch (spec.type) {
    case 'memory':
      return new MemoryStore({
        ...(memoryResultsPerMonitor === undefined ? {} : { maxResultsPerMonitor: memoryResultsPerMonitor }),
        ...(memoryAggregates === undefined ? {} : { aggregates: memoryAggregates }),
      });
    case 'sqlite': {
      const path = resolve(cwd, spec.path ?? 'data/rxmon.sqlite');
      await requireDriver('better-sqlite3', spec.path ?? path);
      if (sqliteThread && !readOnly) {
        const { openSqliteWorkerStore } = await import('./sqliteWorkerStore.js');
        return openSqliteWorkerStore(path);
      }
      const { openSqliteStore } = await import('./sqliteStore.js');
      return openSqliteStore(path, { readonly: readOnly });
    }
    case 'postgres': {
      await requireDriver('pg', 'storage.url');
      const { openPostgresStore } = await import('./postgresStore.js');
      return openPostgresStore(spec.url ?? '');
    }
  }
}
