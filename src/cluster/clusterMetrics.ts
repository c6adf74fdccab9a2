import { Gauge, type Registry } from 'prom-client';
import type { ClusterStatus } from './ownership.js';

/** The cluster's series on rxmon's registry. */
export interface ClusterMetrics {
  /** After each round: members, share, slots checked. */
  status(status: ClusterStatus): void;
  /** How many monitors this instance checks now. */
  ownedMonitors(count: number): void;
}

/**
 * Registers the cluster's series: `rxmon_cluster_member_info{rxmon_cluster_instance}` (1: which
 * instance this is — not `instance`, which Prometheus sets to the scrape target),
 * `rxmon_cluster_owned_monitors`, `rxmon_cluster_owned_slots`, `rxmon_cluster_share_slots`,
 * `rxmon_cluster_members` and `rxmon_cluster_holds_share` (1 when it checks its whole share).
 *
 * @param registry rxmon's registry.
 * @param instance This instance's name.
 * @returns The recorder.
 */
export function registerClusterMetrics(registry: Registry, instance: string): ClusterMetrics {
  const info = new Gauge({ name: 'rxmon_cluster_member_info', help: 'This rxmon instance in its cluster (always 1).', labelNames: ['rxmon_cluster_instance'], registers: [registry] });
  info.set({ rxmon_cluster_instance: instance }, 1);
  const owned = new Gauge({ name: 'rxmon_cluster_owned_monitors', help: 'Monitors this instance checks (the ones in the slots it owns).', registers: [registry] });
  const slots = new Gauge({ name: 'rxmon_cluster_owned_slots', help: 'Slots this instance owns and checks.', registers: [registry] });
  const share = new Gauge({ name: 'rxmon_cluster_share_slots', help: "This instance's fair share of the slots.", registers: [registry] });
  const members = new Gauge({ name: 'rxmon_cluster_members', help: 'Live instances in the cluster, as this one sees them.', registers: [registry] });
  const holds = new Gauge({ name: 'rxmon_cluster_holds_share', help: '1 while this instance checks its whole fair share of the slots.', registers: [registry] });
  owned.set(0);
  return {
    status(status) {
      slots.set(status.checking);
      share.set(status.share);
      members.set(status.live.length);
      holds.set(status.share > 0 && status.checking >= status.share ? 1 : 0);
    },
    ownedMonitors: (count) => owned.set(count),
  };
}
