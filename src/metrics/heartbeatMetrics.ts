import { Counter, type Registry } from 'prom-client';
import { REJECTED_PING_REASONS, type RejectedPingReason } from '../heartbeat/rejectedPingReason.js';

/** The heartbeat routes' own metrics. */
export interface HeartbeatMetrics {
  /** Counts one ping refused with a 404, by reason. */
  rejectedPing(reason: RejectedPingReason): void;
}

/**
 * Registers `rxmon_heartbeat_rejected_pings_total{reason}` (`unknown_monitor`, `wrong_token`,
 * `bad_path`; each starts at 0) in rxmon's registry. Call it once per registry.
 *
 * ## Example
 * ```ts
 * const heartbeat = registerHeartbeatMetrics(metrics.registry);
 * pingRoutes({ hub, onRejected: (reason) => heartbeat.rejectedPing(reason) });
 * ```
 *
 * @param registry rxmon's registry (`RxmonMetrics.registry`).
 * @returns The counter's recorder.
 */
export function registerHeartbeatMetrics(registry: Registry): HeartbeatMetrics {
  const rejected = new Counter<'reason'>({
    name: 'rxmon_heartbeat_rejected_pings_total',
    help: 'Pings answered 404, by reason (unknown_monitor, wrong_token, bad_path).',
    labelNames: ['reason'],
    registers: [registry],
  });
  for (const reason of REJECTED_PING_REASONS) rejected.inc({ reason }, 0);
  return { rejectedPing: (reason) => rejected.inc({ reason }) };
}
