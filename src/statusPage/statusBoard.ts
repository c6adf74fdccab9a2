import { isDeepStrictEqual } from 'node:util';
import type { CheckResult } from '../check/checkResult.js';
import type { ResolvedMonitorSpec } from '../config/types.js';
import type { MonitorHistory } from '../storage/resumeFromStore.js';
import type { Thresholds } from '../operators/healthTransition.js';
import { MonitorTrack } from './monitorTrack.js';
import type { MonitorView, PageState } from './monitorView.js';

/**
 * The status page's memory: one {@link MonitorTrack} per configured monitor, in config order.
 * Results of monitors it does not know (removed by a reload, say) are ignored.
 */
export class StatusBoard {
  private tracks = new Map<string, MonitorTrack>();

  /**
   * @param historySize How many checks each monitor's ring keeps.
   * @param maskUrl Hides credentials in the URLs shown.
   */
  constructor(
    private readonly historySize: number,
    private readonly maskUrl: (url: string) => string,
  ) {}

  /**
   * Replaces the monitor list. A monitor whose spec did not change keeps everything; a changed one
   * starts over (pending, empty history), like its schedule and its metrics; a removed one is dropped.
   *
   * @param specs The monitors now configured, in the order to show them.
   * @returns Names whose state must restart: removed or changed monitors.
   */
  setMonitors(specs: readonly ResolvedMonitorSpec[]): string[] {
    const restarted: string[] = [];
    const next = new Map<string, MonitorTrack>();
    for (const spec of specs) {
      const kept = this.tracks.get(spec.name);
      if (kept && isDeepStrictEqual(kept.spec, spec)) next.set(spec.name, kept);
      else {
        if (kept) restarted.push(spec.name);
        next.set(spec.name, new MonitorTrack(spec, this.historySize, this.maskUrl));
      }
    }
    for (const name of this.tracks.keys()) if (!next.has(name)) restarted.push(name);
    this.tracks = next;
    return restarted;
  }

  /**
   * @param name A monitor name.
   * @returns Whether the monitor is configured.
   */
  has(name: string): boolean {
    return this.tracks.has(name);
  }

  /**
   * @param name A monitor name.
   * @returns The monitor's configured thresholds, or `undefined` when it is not configured.
   */
  thresholdsFor(name: string): Thresholds | undefined {
    const spec = this.tracks.get(name)?.spec;
    return spec && { failureThreshold: spec.failureThreshold, successThreshold: spec.successThreshold };
  }

  /**
   * Takes in one result.
   *
   * @param result The result.
   * @param nowMs Its arrival time, ms since the epoch.
   * @returns The monitor's view after it, or `undefined` when the monitor is not configured.
   */
  record(result: CheckResult, nowMs: number): MonitorView | undefined {
    const track = this.tracks.get(result.monitor);
    if (!track) return undefined;
    track.record(result, nowMs);
    return track.view(nowMs);
  }

  /**
   * Restores monitors' recent past after a restart (monitors not configured are ignored).
   *
   * @param histories What the store remembers.
   */
  restore(histories: readonly MonitorHistory[]): void {
    for (const history of histories) this.tracks.get(history.monitor)?.restore(history);
  }

  /**
   * Sets a monitor's decided state (ignored for a monitor not configured).
   *
   * @param name The monitor.
   * @param state `up` or `down`.
   */
  decide(name: string, state: 'up' | 'down'): void {
    this.tracks.get(name)?.decide(state);
  }

  /**
   * @returns The configured monitor names, in order.
   */
  names(): string[] {
    return [...this.tracks.keys()];
  }

  /**
   * @returns Every monitor's state, in config order (cheap: no view is built).
   */
  states(): PageState[] {
    return [...this.tracks.values()].map((track) => track.currentState);
  }

  /**
   * @returns Every monitor's check interval, ms.
   */
  checkIntervals(): number[] {
    return [...this.tracks.values()].map((track) => track.spec.checkEvery);
  }

  /**
   * @param nowMs Now, ms since the epoch.
   * @returns Every monitor's view, in config order.
   */
  views(nowMs: number): MonitorView[] {
    return [...this.tracks.values()].map((track) => track.view(nowMs));
  }
}
