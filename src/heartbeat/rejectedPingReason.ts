import type { PingOutcome } from './pingHub.js';

/** Why a ping got a 404: the `reason` label of `rxmon_heartbeat_rejected_pings_total`. */
export type RejectedPingReason = Exclude<PingOutcome, 'accepted'> | 'bad_path';

/** Every {@link RejectedPingReason}, for counters that start at 0. */
export const REJECTED_PING_REASONS: readonly RejectedPingReason[] = ['unknown_monitor', 'wrong_token', 'bad_path'];
