/**
 * Case "storage": what keeping history costs. The scale case (10,000 monitors every 10 s) three
 * times in one run — `storage: memory`, `sqlite`, `postgres` — side by side on the same target;
 * then, on the SQLite adapter itself: bytes per stored result, the steady-state size with the
 * default retention, a large retention delete with the event-loop delay while it runs, and uptime
 * over 30 d for one monitor and for all 10,000 at once.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { lastValueFrom, take } from 'rxjs';
import { runScale } from './scale.mjs';

const DIST = new URL('../../dist/storage/', import.meta.url);
/** Where the bench finds PostgreSQL (the same role and database the tests use). */
const PG_URL = process.env.RXMON_BENCH_PG_URL ?? 'postgres://rxmon_test:rxmon_test@127.0.0.1:5432/rxmon_test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The share of failed checks the steady-state estimate assumes (failed results are kept longer). */
const FAILED_SHARE = 0.01;

async function pgReachable(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    // A clean slate: the previous run's tables would make this one's writes cheaper or dearer.
    await client.query('DROP SCHEMA IF EXISTS rxmon_bench CASCADE; CREATE SCHEMA rxmon_bench');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function result(monitor, startedMs, ok) {
  return {
    monitor,
    method: 'GET',
    url: `http://127.0.0.1:8080/m/${monitor}`,
    startedAt: new Date(startedMs).toISOString(),
    ok,
    status: ok ? 200 : 503,
    bytes: 2,
    contentLength: 2,
    durationMs: 1.234,
    ...(ok ? {} : { error: { code: 'UNEXPECTED_STATUS', message: 'status 503, expected 200-399' } }),
    timings: { dnsMs: 0, connectMs: 0.31, tlsMs: 0, firstByteMs: 0.82, transferMs: 0.1 },
    redirects: 0,
    finalUrl: `http://127.0.0.1:8080/m/${monitor}`,
    scheduleLagMs: 0.4,
  };
}

/** Bytes per result, and a retention delete of `rows` expired rows timed with the loop's delay. */
export async function sqliteCosts(dir, log) {
  const { openSqliteStore } = await import(new URL('sqliteStore.js', DIST));
  const { pruneRuns } = await import(new URL('pruneRuns.js', DIST));
  const { DEFAULT_RETENTION } = await import(new URL('retention.js', DIST));
  const path = join(dir, 'costs.sqlite');
  const store = await openSqliteStore(path);
  const rows = 1_000_000;
  const monitors = 10_000;
  const old = Date.now() - 3 * DAY;
  let writeMs = 0;
  for (let done = 0; done < rows; done += 1_000) {
    const results = Array.from({ length: 1_000 }, (_, i) => result(`m${String((done + i) % monitors).padStart(5, '0')}`, old + (done + i) * 10, (done + i) % 50 !== 0));
    const started = performance.now();
    await lastValueFrom(store.write({ results, changes: [], health: [] }), { defaultValue: undefined });
    writeMs += performance.now() - started;
  }
  await store.close();
  const bytes = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  const perPage = db.pragma('page_size', { simple: true });
  const resultPages = db.prepare("SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN ('results','results_monitor_time','results_ok_time','results_failed_time')").get();
  const bucketBytes = db.prepare("SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN ('hourly','hourly_start')").get().bytes;
  const hourlyRows = db.prepare('SELECT COUNT(*) AS n FROM hourly').get().n;
  db.close();
  const perResult = resultPages.bytes / rows;
  const perBucket = bucketBytes / hourlyRows;
  log(`  sqlite: ${rows.toLocaleString()} results written in 1,000-result batches, ${(writeMs / (rows / 1_000)).toFixed(1)} ms per batch; ${perResult.toFixed(0)} B per result with its indexes, ${perBucket.toFixed(0)} B per aggregate bucket (page ${perPage} B; ${(bytes / 2 ** 20).toFixed(0)} MiB before VACUUM)`);

  // Steady state, 10,000 monitors at 10 s with the default retention, if 1 % of checks fail.
  const perDay = (monitors * DAY) / 10_000;
  const rawRows = perDay * (DEFAULT_RETENTION.results / DAY) + perDay * FAILED_SHARE * ((DEFAULT_RETENTION.failures - DEFAULT_RETENTION.results) / DAY);
  const hourly = monitors * (DEFAULT_RETENTION.hourly / HOUR);
  const daily = monitors * (DEFAULT_RETENTION.daily / DAY);
  const steadyBytes = rawRows * perResult + (hourly + daily) * perBucket;
  log(`  sqlite steady state for 10,000 monitors at 10 s, default retention: ${(rawRows / 1e6).toFixed(1)} M results + ${((hourly + daily) / 1e6).toFixed(1)} M buckets ≈ ${(steadyBytes / 2 ** 30).toFixed(2)} GiB`);

  // Every one of those rows has expired: a retention run deletes them all while the loop is watched,
  // with the store on its own thread, as the daemon runs it.
  const { openSqliteWorkerStore } = await import(new URL('sqliteWorkerStore.js', DIST));
  const onThread = await pruneWatched(await openSqliteWorkerStore(path), pruneRuns, DEFAULT_RETENTION);
  log(`  sqlite retention (store on its own thread, as in the daemon): ${onThread.rows?.toLocaleString()} rows deleted in ${(onThread.ms / 1000).toFixed(1)} s; event-loop delay meanwhile p99 ${onThread.loopDelayP99Ms.toFixed(1)} ms, max ${onThread.loopDelayMaxMs.toFixed(1)} ms`);
  return {
    bytesPerResult: perResult,
    bytesPerBucket: perBucket,
    batchWriteMs: writeMs / (rows / 1_000),
    steadyStateGiB: steadyBytes / 2 ** 30,
    prune: onThread,
  };
}

/** One retention run over a store full of expired rows, with the event loop's delay meanwhile. */
async function pruneWatched(pruneStore, pruneRuns, DEFAULT_RETENTION) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const run = await lastValueFrom(pruneRuns({ store: pruneStore, retention: { ...DEFAULT_RETENTION, results: HOUR, failures: HOUR }, every: 1 }).pipe(take(1)));
  delay.disable();
  const pruneMs = performance.now() - started;
  await pruneStore.close();
  return { rows: run.rows, ms: pruneMs, loopDelayP99Ms: delay.percentile(99) / 1e6, loopDelayMaxMs: delay.max / 1e6 };
}

/** Uptime over 30 d from hourly buckets: 10,000 monitors × 30 days, read for one and for all. */
export async function uptimeCosts(dir, log) {
  const { openSqliteStore } = await import(new URL('sqliteStore.js', DIST));
  const path = join(dir, 'uptime.sqlite');
  (await openSqliteStore(path)).close();
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  const monitors = 10_000;
  const hours = 30 * 24;
  const now = Math.floor(Date.now() / HOUR) * HOUR;
  db.transaction(() => {
    const monitor = db.prepare('INSERT INTO monitors (id, name) VALUES (?, ?)');
    for (let m = 1; m <= monitors; m += 1) monitor.run(m, `m${String(m - 1).padStart(5, '0')}`);
  })();
  const values = '360, 355, 500, 1, 3, 355, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 300, 100, 360';
  const insertHour = db.prepare(`INSERT INTO hourly VALUES (?, ?, ${values})`);
  const insertDay = db.prepare(`INSERT INTO daily VALUES (?, ?, ${values.replace(/^360, 355/, '8640, 8520')})`);
  const started = performance.now();
  for (let h = 0; h < hours; h += 24) {
    db.transaction(() => {
      for (let k = h; k < h + 24; k += 1) for (let m = 1; m <= monitors; m += 1) insertHour.run(m, now - k * HOUR);
      const day = Math.floor((now - h * HOUR) / DAY) * DAY;
      for (let m = 1; m <= monitors; m += 1) insertDay.run(m, day);
    })();
  }
  db.close();
  log(`  uptime: ${(monitors * hours / 1e6).toFixed(1)} M hourly and ${(monitors * 30 / 1e6).toFixed(1)} M daily buckets generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const { uptimeOver } = await import(new URL('uptimeOver.js', DIST));
  const store = await openSqliteStore(path);
  const window = { sinceMs: now - 30 * DAY, untilMs: now + HOUR };
  const time = async (read) => {
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      const t = performance.now();
      const figures = await read();
      runs.push({ ms: performance.now() - t, count: figures.length });
    }
    return runs.sort((a, b) => a.ms - b.ms)[1];
  };
  const one = await time(() => uptimeOver(store, { ...window, monitors: ['m04242'] }));
  const all = await time(() => uptimeOver(store, window));
  const allHourly = await time(() => store.uptime(window));
  await store.close();
  log(`  uptime over 30 d (daily + edge hours): one monitor ${one.ms.toFixed(1)} ms; all ${all.count.toLocaleString()} monitors at once ${all.ms.toFixed(0)} ms; from hourly buckets alone ${allHourly.ms.toFixed(0)} ms (medians of 3)`);
  return { oneMonitorMs: one.ms, allMonitorsMs: all.ms, allMonitorsHourlyOnlyMs: allHourly.ms, monitors: all.count };
}

/**
 * Runs the case.
 *
 * @param {object} ctx The run context (dir, target, scale, log).
 * @returns {Promise<object>} Per store: the scale figures; SQLite's disk, retention and uptime costs.
 */
export async function runStorage(ctx) {
  const { dir, log } = ctx;
  const runs = {};
  runs.memory = await runScale(ctx, { label: 'storage memory', storage: { type: 'memory' } });
  runs.sqlite = await runScale(ctx, { label: 'storage sqlite', storage: { type: 'sqlite', path: join(dir, 'scale.sqlite') } });
  if (await pgReachable(PG_URL)) {
    const url = new URL(PG_URL);
    url.searchParams.set('options', '-c search_path=rxmon_bench');
    runs.postgres = await runScale(ctx, { label: 'storage postgres', storage: { type: 'postgres', url: url.href } });
  } else {
    log(`  storage postgres: SKIPPED, ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is not reachable (RXMON_BENCH_PG_URL)`);
    runs.postgresNote = 'not reachable';
  }
  const costs = await sqliteCosts(dir, log);
  const uptime = await uptimeCosts(dir, log);
  return { runs, costs, uptime };
}
