import { stableHash } from '../monitor/firstCheckOffset.js';
import { fairShare } from './slots.js';

/** What one instance knows at the start of a round. */
export interface RoundView {
  /** How many slots the cluster has. */
  slots: number;
  /** This instance. */
  me: string;
  /** The live instances, in the order every instance sees them. */
  live: readonly string[];
  /** Who holds each locked slot now (from PostgreSQL's lock table), this instance included. */
  holders: ReadonlyMap<number, string>;
  /** The slots this instance owns: checking, or about to (locked, not yet released). */
  owned: ReadonlySet<number>;
  /** Slots this instance stopped and still holds until their hand-over hold ends. */
  releasing: ReadonlySet<number>;
}

/** What to do in the round. */
export interface RoundPlan {
  /** This instance's fair share. */
  share: number;
  /** Owned slots to stop and release (the instance holds more than its share). */
  release: number[];
  /** Free slots to try to lock (it holds fewer). */
  acquire: number[];
}

/**
 * One round's decision, the rule that keeps the slots spread evenly: an instance over its share
 * releases the excess (its highest slots), one under it tries free slots — never both in one round,
 * and never a slot someone holds, so a hand-over always releases before the other side acquires.
 * Slots still being released count against the share, so an instance does not grab new slots while
 * it hands old ones over. Free slots are tried from a point that depends on the instance's name, so
 * that instances joining together do not all race for the same slots.
 *
 * @param view What the instance knows.
 * @returns What to release and what to try.
 */
export function planRound({ slots, me, live, holders, owned, releasing }: RoundView): RoundPlan {
  const share = fairShare(live, me, slots);
  if (owned.size > share) {
    return { share, release: [...owned].sort((a, b) => b - a).slice(0, owned.size - share), acquire: [] };
  }
  const need = share - owned.size - releasing.size;
  if (need <= 0) return { share, release: [], acquire: [] };
  const acquire: number[] = [];
  const start = stableHash(me) % slots;
  for (let i = 0; i < slots && acquire.length < need; i++) {
    const slot = (start + i) % slots;
    if (!holders.has(slot) && !owned.has(slot) && !releasing.has(slot)) acquire.push(slot);
  }
  return { share, release: [], acquire };
}
