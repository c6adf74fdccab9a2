/**
 * The cluster room: several rxmon instances sharing one set of monitors through PostgreSQL.
 *
 * Owns: slot hashing and fair shares (`slots.ts`, `planRound.ts`), the coordinator adapter over one
 * dedicated PostgreSQL session (`pgCoordinator.ts`, `clusterSql.ts` — its own two tables, outside the
 * store's migrations), the ownership loop with self-fencing (`ownership.ts`), what this instance runs
 * and what it takes over from the store (`ownedMonitors.ts`), per-ownership alert pipelines
 * (`perOwnership.ts`), epoch-aligned phases (`epochPhase.ts`), the cluster's metrics and the store
 * view of other instances' monitors. May import `config` types, `monitor` (the stable hash),
 * `operators` and `storage` types and `resumeFromStore`, `logging` types, `prom-client` and `pg`;
 * entered from the composition root (`runDaemon`) only.
 */
export { epochPhaseOffset } from './epochPhase.js';
export { fairShare, slotOf } from './slots.js';
export { planRound, type RoundPlan, type RoundView } from './planRound.js';
export type { Coordinator, LockedSlot, Membership } from './coordinator.js';
export { PgCoordinator, type PgCoordinatorOptions } from './pgCoordinator.js';
export { ownership, type ClusterEvent, type ClusterStatus, type OwnershipChange, type OwnershipOptions } from './ownership.js';
export { ownedMonitors, type ClusterStep, type StartedMonitor, type TakenOver } from './ownedMonitors.js';
export { perOwnership } from './perOwnership.js';
export { startCluster, type ClusterMember, type StartClusterParams } from './startCluster.js';
export { followOthers, type FollowOthersParams } from './followOthers.js';
export { registerClusterMetrics, type ClusterMetrics } from './clusterMetrics.js';
