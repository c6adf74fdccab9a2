import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorHistory } from '../storage/resumeFromStore.js';
import { HistoryRing } from './historyRing.js';
import type { LastCheck, LastError, LatencySample, MonitorView, PageState } from './monitorView.js';
import { UptimeBuckets } from './uptimeBuckets.js';

/**
 * What the status page remembers about one monitor: its spec, its decided state, a bounded ring of
 * recent checks, per-minute uptime buckets and the last status, error and certificate. Memory is
 * fixed per monitor (the ring and the buckets), whatever the check rate.
 */
export class MonitorTrack {
  private state: PageState = 'pending';
  private readonly history: HistoryRing<LatencySample>;
  private readonly buckets = new UptimeBuckets();
  private lastCheck?: LastCheck;
  private lastError?: LastError;
  private certExpiresInDays?: number;

  /**
   * @param spec The monitor's resolved spec.
   * @param historySize How many checks the ring keeps.
   * @param maskUrl Hides credentials in the URL shown.
   */
  constructor(
    readonly spec: ResolvedMonitorSpec,
    historySize: number,
    private readonly maskUrl: (url: string) => string,
  ) {
    this.history = new HistoryRing<LatencySample>(historySize);
  }

  /**
   * Takes in one check result.
   *
   * @param result The result (of this monitor).
   * @param nowMs Its arrival time, ms since the epoch, for the uptime buckets.
   */
  record(result: CheckResult, nowMs: number): void {
    this.remember(result);
    this.buckets.record(nowMs, result.ok);
  }

  /**
   * Takes back what a restart lost: the state, the latest results (into the ring and the last
   * check, not the uptime) and hourly counts (into the uptime).
   *
   * @param history The monitor's stored recent past.
   */
  restore({ state, results, hourly }: MonitorHistory): void {
    if (state) this.state = state;
    for (const result of results) this.remember(result);
    for (const bucket of hourly) this.buckets.add(bucket.startMs, bucket.ok, bucket.checks);
  }

  private remember(result: CheckResult): void {
    const sample: LatencySample = {
      latencyMs: Math.round(result.durationMs),
      ok: result.ok,
      ...(result.status === undefined ? {} : { status: result.status }),
    };
    this.history.push(sample);
    this.lastCheck = { ...sample, at: result.startedAt };
    if (result.error) this.lastError = { code: result.error.code, message: result.error.message, at: result.startedAt };
    if (result.certExpiresInDays !== undefined) this.certExpiresInDays = result.certExpiresInDays;
  }

  /** The state: `pending` until the health operator decides. */
  get currentState(): PageState {
    return this.state;
  }

  /**
   * Sets the state the health operator decided.
   *
   * @param state `up` or `down`.
   */
  decide(state: 'up' | 'down'): void {
    this.state = state;
  }

  /**
   * The monitor as the page shows it.
   *
   * @param nowMs Now, ms since the epoch (the uptime windows end here).
   * @returns A fresh view.
   */
  view(nowMs: number): MonitorView {
    const lastHour = this.buckets.ratio(nowMs, 60);
    const lastDay = this.buckets.ratio(nowMs, 1_440);
    return {
      name: this.spec.name,
      method: this.spec.method,
      url: this.maskUrl(this.spec.url),
      checkEvery: this.spec.checkEvery,
      state: this.state,
      ...(this.lastCheck ? { lastCheck: this.lastCheck } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.certExpiresInDays === undefined ? {} : { certExpiresInDays: this.certExpiresInDays }),
      uptime: {
        ...(lastHour === undefined ? {} : { lastHour }),
        ...(lastDay === undefined ? {} : { lastDay }),
      },
      history: this.history.toArray(),
    };
  }
}
