import { type Observable, defer, of } from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { MonitorState } from '../operators/health.js';
import { BUCKET_MS, addFigure, bucketsOf, emptyBucket } from './aggregates.js';
import { decodeCursor, encodeCursor, isAfterCursor } from './resultCursor.js';
import type {
  AdHocWindow,
  AggregateBucket,
  ChangeQuery,
  HealthSnapshot,
  MaintenanceTarget,
  ResultPage,
  ResultQuery,
  Retention,
  Store,
  StoreBatch,
  UptimeFigure,
  UptimeQuery,
} from './store.js';

interface Row {
  id: number;
  ms: number;
  result: CheckResult;
}

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Keep at most this many raw results per monitor (oldest go first), so that `type: memory` stays
   * bounded at any check rate. Absent: only retention bounds them.
   */
  maxResultsPerMonitor?: number;
  /**
   * Keep the hourly and daily aggregates (uptime, latency figures). Default true. The daemon turns
   * them off when nothing in the process reads them (no listener): at 50,000 monitors they are
   * about 30 MB.
   */
  aggregates?: boolean;
}

/**
 * The store that keeps everything in this process (`storage.type: memory`, the default, and the
 * store marble tests run on). Writes complete synchronously, so it works in virtual time; nothing
 * survives a restart.
 */
export class MemoryStore implements Store {
  readonly type = 'memory' as const;
  private nextId = 1;
  private readonly rows = new Map<string, Row[]>();
  private readonly changeLog: MonitorState[] = [];
  private readonly aggregates = { hour: new Map<string, AggregateBucket>(), day: new Map<string, AggregateBucket>() };
  private readonly tracks = new Map<string, HealthSnapshot>();
  private readonly windows = new Map<string, AdHocWindow>();

  /** @param options Bounds. */
  constructor(private readonly options: MemoryStoreOptions = {}) {}

  write(batch: StoreBatch): Observable<void> {
    return defer(() => {
      const max = this.options.maxResultsPerMonitor;
      for (const result of max === 0 ? [] : batch.results) {
        let list = this.rows.get(result.monitor);
        if (!list) {
          list = [];
          this.rows.set(result.monitor, list);
        }
        list.push({ id: this.nextId++, ms: Date.parse(result.startedAt), result });
        if (max !== undefined && list.length > max) list.splice(0, list.length - max);
      }
      this.changeLog.push(...batch.changes);
      for (const width of this.options.aggregates === false ? [] : (['hour', 'day'] as const)) {
        for (const add of bucketsOf(batch.results, width)) {
          const key = `${add.startMs}\u0000${add.monitor}`;
          const stored = this.aggregates[width].get(key);
          if (!stored) this.aggregates[width].set(key, add);
          else {
            addFigure(stored, add);
            for (const phase of ['dnsMs', 'connectMs', 'tlsMs', 'firstByteMs', 'transferMs', 'count'] as const) stored.phases[phase] += add.phases[phase];
          }
        }
      }
      for (const snapshot of batch.health) this.tracks.set(snapshot.monitor, snapshot);
      return of(undefined);
    });
  }

  prune(retention: Retention, nowMs: number, batchSize: number): Observable<number> {
    return defer(() => {
      let left = batchSize;
      for (const list of this.rows.values()) {
        const keep = list.filter((row) => {
          if (left <= 0) return true;
          const age = nowMs - row.ms;
          const drop = age > (row.result.ok ? retention.results : Math.max(retention.results, retention.failures));
          if (drop) left -= 1;
          return !drop;
        });
        list.splice(0, list.length, ...keep);
      }
      while (left > 0 && this.changeLog.length > 0 && nowMs - Date.parse(this.changeLog[0].since) > retention.changes) {
        this.changeLog.shift();
        left -= 1;
      }
      for (const width of ['hour', 'day'] as const) {
        const keepMs = width === 'hour' ? retention.hourly : retention.daily;
        for (const [key, bucket] of this.aggregates[width]) {
          if (left <= 0) break;
          if (nowMs - (bucket.startMs + BUCKET_MS[width]) > keepMs) {
            this.aggregates[width].delete(key);
            left -= 1;
          }
        }
      }
      // Ad hoc maintenance windows are kept as long as the incident log.
      for (const [id, window] of this.windows) {
        if (left <= 0) break;
        if (nowMs - window.endMs > retention.changes) {
          this.windows.delete(id);
          left -= 1;
        }
      }
      return of(batchSize - left);
    });
  }

  async results(query: ResultQuery): Promise<ResultPage> {
    const lists = query.monitor === undefined ? [...this.rows.values()] : [this.rows.get(query.monitor) ?? []];
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const matching = lists
      .flat()
      .filter((row) => (query.sinceMs === undefined || row.ms >= query.sinceMs) && (query.untilMs === undefined || row.ms < query.untilMs))
      .filter((row) => after === undefined || isAfterCursor(row, after, query.order))
      .sort((a, b) => (a.ms === b.ms ? a.id - b.id : a.ms - b.ms));
    if (query.order === 'desc') matching.reverse();
    const page = query.limit === undefined ? matching : matching.slice(0, query.limit);
    const last = page.at(-1);
    return {
      results: page.map((row) => row.result),
      ...(last && page.length < matching.length ? { next: encodeCursor(last) } : {}),
    };
  }

  async changes(query: ChangeQuery): Promise<MonitorState[]> {
    const matching = this.changeLog.filter((change) => {
      const ms = Date.parse(change.since);
      return (
        (query.monitor === undefined || change.monitor === query.monitor) &&
        (query.sinceMs === undefined || ms >= query.sinceMs) &&
        (query.untilMs === undefined || ms < query.untilMs)
      );
    });
    return query.limit === undefined ? matching : matching.slice(0, query.limit);
  }

  async uptime(query: UptimeQuery): Promise<UptimeFigure[]> {
    const wanted = query.monitors && new Set(query.monitors);
    const sums = new Map<string, UptimeFigure>();
    for (const bucket of this.bucketsIn(query, query.width ?? 'hour')) {
      if (wanted && !wanted.has(bucket.monitor)) continue;
      let sum = sums.get(bucket.monitor);
      if (!sum) {
        const { startMs: _start, phases: _phases, ...empty } = emptyBucket(bucket.monitor, 0);
        sum = empty;
        sums.set(bucket.monitor, sum);
      }
      addFigure(sum, bucket);
    }
    return [...sums.values()].sort((a, b) => (a.monitor < b.monitor ? -1 : 1));
  }

  async buckets(monitor: string, query: Omit<UptimeQuery, 'monitors' | 'width'>, width: 'hour' | 'day'): Promise<AggregateBucket[]> {
    return this.bucketsIn(query, width)
      .filter((bucket) => bucket.monitor === monitor)
      .sort((a, b) => a.startMs - b.startMs)
      .map((bucket) => structuredClone(bucket));
  }

  async resume(): Promise<HealthSnapshot[]> {
    return [...this.tracks.values()];
  }

  async monitors(): Promise<string[]> {
    const names = new Set([...this.rows.keys(), ...this.tracks.keys(), ...this.changeLog.map((change) => change.monitor)]);
    return [...names].sort();
  }

  async addMaintenance(window: AdHocWindow): Promise<void> {
    this.windows.set(window.id, { ...window });
  }

  async stopMaintenance(target: MaintenanceTarget, nowMs: number): Promise<number> {
    let stopped = 0;
    for (const window of this.windows.values()) {
      const matches = 'monitor' in target ? window.monitor === target.monitor : window.group === target.group;
      if (matches && window.endMs > nowMs) {
        window.endMs = Math.max(window.startMs, nowMs);
        stopped += 1;
      }
    }
    return stopped;
  }

  async maintenance(nowMs: number): Promise<AdHocWindow[]> {
    return [...this.windows.values()]
      .filter((window) => window.endMs > nowMs)
      .sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1))
      .map((window) => ({ ...window }));
  }

  async close(): Promise<void> {}

  private bucketsIn(query: Omit<UptimeQuery, 'monitors' | 'width'>, width: 'hour' | 'day'): AggregateBucket[] {
    const from = Math.floor(query.sinceMs / BUCKET_MS[width]) * BUCKET_MS[width];
    return [...this.aggregates[width].values()].filter((bucket) => bucket.startMs >= from && bucket.startMs < query.untilMs);
  }
}
