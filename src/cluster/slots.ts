import { stableHash } from '../monitor/firstCheckOffset.js';

/**
 * The slot a monitor hashes into: `stableHash(name) mod slots`, the same hash as `--shard`, so a
 * monitor's slot never depends on the instance that asks.
 *
 * @param name The monitor's name.
 * @param slots How many slots the cluster has (`cluster.slots`).
 * @returns The slot, in `[0, slots)`.
 */
export function slotOf(name: string, slots: number): number {
  return stableHash(name) % slots;
}

/**
 * How many slots one live instance should hold: the slots split as evenly as whole numbers allow,
 * the remainder going to the longest-running instances. The shares of all live instances add up to
 * `slots` exactly, so every slot can have an owner and none has to wait for a second one.
 *
 * ```
 * fairShare(['a', 'b', 'c'], 'a', 256) === 86; … 'b' → 85, 'c' → 85
 * ```
 *
 * @param live The live instances, in the order every instance sees them (start time, then name).
 * @param me This instance.
 * @param slots How many slots the cluster has.
 * @returns The share; 0 when `me` is not among the live ones.
 */
export function fairShare(live: readonly string[], me: string, slots: number): number {
  const index = live.indexOf(me);
  if (index < 0) return 0;
  return Math.floor(slots / live.length) + (index < slots % live.length ? 1 : 0);
}
