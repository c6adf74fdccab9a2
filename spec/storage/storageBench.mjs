// Storage measurements for the README (not a test): bytes per stored result, write time of a
// 1,000-result batch, prune batch time, uptime over 30 days for one and for 10,000 monitors.
//   node spec/storage/storageBench.mjs sqlite|postgres [monitors=10000] [days=30]
// Postgres uses RXMON_TEST_PG_URL (default: the CI test database) and a throw-away schema.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [kind = 'sqlite', monitorCount = '10000', dayCount = '30'] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'rxmon-bench-'));
mkdirSync(join(out, 'storage'));
writeFileSync(join(out, 'package.json'), '{"type":"module"}');
symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
for (const file of readdirSync(join(ROOT, 'src/storage')).filter((name) => name.endsWith('.ts'))) {
  const { outputText } = ts.transpileModule(readFileSync(join(ROOT, 'src/storage', file), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
  writeFileSync(join(out, 'storage', file.replace(/\.ts$/, '.js')), outputText);
}
const { lastValueFrom } = await import('rxjs');
const T0 = Date.UTC(2025, 0, 1);
const micros = (ms) => Math.round(ms * 1000) / 1000;
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

function result(monitor, ms) {
  const url = `https://service-${monitor}.example.com/health`;
  if (random() < 0.01) {
    return { monitor: `service-${monitor}`, method: 'GET', url, startedAt: new Date(ms).toISOString(), ok: false, bytes: 0, durationMs: micros(5000 * random()), error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.7:443' }, timings: { dnsMs: micros(2 * random()), connectMs: 0, tlsMs: 0, firstByteMs: 0, transferMs: 0 }, scheduleLagMs: micros(random()) };
  }
  const dns = micros(3 * random());
  const connect = micros(20 * random());
  const tls = micros(40 * random());
  const firstByte = micros(100 * random());
  const transfer = micros(5 * random());
  const bytes = 200 + Math.floor(2000 * random());
  return {
    monitor: `service-${monitor}`, method: 'GET', url, startedAt: new Date(ms).toISOString(), ok: true, status: 200, bytes, contentLength: bytes,
    durationMs: micros(dns + connect + tls + firstByte + transfer), timings: { dnsMs: dns, connectMs: connect, tlsMs: tls, firstByteMs: firstByte, transferMs: transfer },
    redirects: 0, finalUrl: url, certExpiresInDays: 30 + 60 * random(), scheduleLagMs: micros(random()),
  };
}

const time = async (work) => {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
};

let store;
let dbFile;
let pgClient;
let schema;
if (kind === 'sqlite') {
  const { openSqliteStore } = await import(join(out, 'storage/sqliteStore.js'));
  dbFile = join(out, 'data', 'rxmon.db');
  store = await openSqliteStore(dbFile);
} else {
  const { openPostgresStore } = await import(join(out, 'storage/postgresStore.js'));
  const pg = (await import('pg')).default;
  const url = process.env.RXMON_TEST_PG_URL ?? 'postgres://rxmon_test:rxmon_test@127.0.0.1:5432/rxmon_test';
  schema = `rxmon_bench_${process.pid}`;
  store = await openPostgresStore(url, { schema, statementTimeoutMs: 600_000 });
  pgClient = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await pgClient.connect();
}

// 100 monitors × 1,000 checks each (one a minute), written in batches of 1,000 as the daemon would.
const batchTimes = [];
for (let batch = 0; batch < 100; batch += 1) {
  const results = [];
  for (let monitor = 0; monitor < 100; monitor += 1) for (let i = 0; i < 10; i += 1) results.push(result(monitor, T0 + (batch * 10 + i) * 60_000 + monitor));
  batchTimes.push((await time(() => lastValueFrom(store.write({ results, changes: [], health: [] }), { defaultValue: undefined }))).ms);
}
batchTimes.sort((a, b) => a - b);
console.log(`${kind}: write of a 1,000-result batch: median ${batchTimes[50].toFixed(1)} ms, p90 ${batchTimes[90].toFixed(1)} ms`);

if (kind === 'sqlite') {
  const Database = (await import('better-sqlite3')).default;
  await store.close();
  const db = new Database(dbFile);
  db.exec('VACUUM');
  const size = statSync(dbFile).size;
  const tables = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'results%' GROUP BY name").all();
  db.close();
  const resultsBytes = tables.reduce((sum, row) => sum + row.bytes, 0);
  console.log(`sqlite: file ${size} bytes after VACUUM = ${(size / 100_000).toFixed(1)} bytes/result all in; results table + its indexes ${(resultsBytes / 100_000).toFixed(1)} bytes/result`, tables);
  const { openSqliteStore } = await import(join(out, 'storage/sqliteStore.js'));
  store = await openSqliteStore(dbFile);
} else {
  await pgClient.query('VACUUM ANALYZE results');
  const { rows } = await pgClient.query("SELECT pg_total_relation_size('results') AS total, pg_relation_size('results') AS heap");
  console.log(`postgres: results ${rows[0].total} bytes total (heap ${rows[0].heap}) = ${(rows[0].total / 100_000).toFixed(1)} bytes/result with indexes`);
}

// Prune: everything is expired; delete it in batches of 2,000.
const retention = { results: 0, failures: 0, changes: 0, hourly: 1e15, daily: 1e15 };
const pruneTimes = [];
for (;;) {
  const { ms, value } = await time(() => lastValueFrom(store.prune(retention, T0 + 1e10, 2000)));
  pruneTimes.push(ms);
  if (value === 0) break;
}
pruneTimes.sort((a, b) => a - b);
console.log(`${kind}: prune(batchSize 2000): ${pruneTimes.length} calls, median ${pruneTimes[Math.floor(pruneTimes.length / 2)].toFixed(1)} ms, max ${pruneTimes.at(-1).toFixed(1)} ms`);

// Uptime: monitorCount monitors × dayCount days of hourly buckets, generated in SQL.
const monitors = Number(monitorCount);
const hours = Number(dayCount) * 24;
const hist = 'h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11';
const build = await time(async () => {
  if (kind === 'sqlite') {
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(dbFile);
    db.pragma('journal_mode = WAL');
    db.exec(`DELETE FROM hourly; INSERT INTO monitors (name, method, url) WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${monitors - 1}) SELECT 'bench-' || printf('%05d', i), 'GET', 'https://x/' FROM n`);
    db.exec(`INSERT INTO hourly (monitor_id, start_ms, checks, ok, latency_sum, latency_min, latency_max, ${hist}, dns_sum, connect_sum, tls_sum, first_byte_sum, transfer_sum, phase_count)
      WITH RECURSIVE h(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM h WHERE k < ${hours - 1})
      SELECT m.id, ${T0} + h.k * 3600000, 60, 59, 6000.5, 12.25, 900.75, 0, 1, 5, 20, 20, 10, 2, 1, 0, 0, 0, 1, 100, 200, 300, 400, 50, 59
      FROM monitors m CROSS JOIN h WHERE m.name LIKE 'bench-%' ORDER BY m.id, h.k`);
    db.exec('ANALYZE');
    db.close();
    const { openSqliteStore } = await import(join(out, 'storage/sqliteStore.js'));
    store = await openSqliteStore(dbFile);
  } else {
    await pgClient.query(`DELETE FROM hourly; INSERT INTO monitors (name, method, url) SELECT 'bench-' || lpad(i::text, 5, '0'), 'GET', 'https://x/' FROM generate_series(0, ${monitors - 1}) i`);
    await pgClient.query(`INSERT INTO hourly (monitor_id, start_ms, checks, ok, latency_sum, latency_min, latency_max, ${hist}, dns_sum, connect_sum, tls_sum, first_byte_sum, transfer_sum, phase_count)
      SELECT m.id, ${T0}::bigint + k * 3600000, 60, 59, 6000.5, 12.25, 900.75, 0, 1, 5, 20, 20, 10, 2, 1, 0, 0, 0, 1, 100, 200, 300, 400, 50, 59
      FROM monitors m CROSS JOIN generate_series(0::bigint, ${hours - 1}) k WHERE m.name LIKE 'bench-%'`);
    await pgClient.query('VACUUM ANALYZE hourly');
  }
});
console.log(`${kind}: built ${monitors} × ${hours} = ${monitors * hours} hourly rows in ${(build.ms / 1000).toFixed(1)} s`);
const probe = 'bench-' + String(Math.min(4242, monitors - 1)).padStart(5, '0');
const window = { sinceMs: T0, untilMs: T0 + hours * 3_600_000 };
for (let run = 0; run < 3; run += 1) {
  const one = await time(() => store.uptime({ ...window, monitors: [probe] }));
  const all = await time(() => store.uptime(window));
  const buckets = await time(() => store.buckets(probe, window, 'hour'));
  console.log(`${kind}: uptime over ${dayCount} d: one monitor ${one.ms.toFixed(1)} ms (${one.value[0].checks} checks); all ${all.value.length} monitors ${all.ms.toFixed(0)} ms; buckets of one ${buckets.ms.toFixed(1)} ms (${buckets.value.length})`);
}
await store.close();
if (pgClient) {
  await pgClient.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pgClient.end();
}
rmSync(out, { recursive: true, force: true });
