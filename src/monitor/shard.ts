import { stableHash } from './firstCheckOffset.js';

/** Shard `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Whether a monitor belongs to a shard: `stableHash(name) mod count === index` (the idea of Prometheus's
 * hashmod relabeling). N instances with shards 0/N … N-1/N together run every monitor exactly once.
 *
 * @param name The monitor's name.
 * @param shard The shard.
 * @returns True when this instance runs the monitor.
 */
export function inShard(name: string, shard: Shard): boolean {
  return stableHash(name) % shard.count === shard.index;
}

/**
 * Formats a shard as its `shard` metric label, `i/N`.
 *
 * @param shard The shard.
 * @returns The label value.
 */
export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
