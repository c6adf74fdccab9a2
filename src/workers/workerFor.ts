import { stableHash } from '../monitor/firstCheckOffset.js';

/**
 * Which of `count` worker threads runs a monitor: the stable hash `--shard` uses, reduced by its high
 * bits (`⌊hash × count / 2³²⌋`) where `--shard` takes `hash mod N`. So the split does not follow the
 * shard's: within shard 0/2, whose names all have an even hash, the monitors still spread over every
 * worker. The same name always gets the same worker.
 *
 * @param name The monitor's name.
 * @param count How many workers there are (≥ 1).
 * @returns The worker's index, 0 … count-1.
 */
export function workerFor(name: string, count: number): number {
  return Math.floor((stableHash(name) * count) / 2 ** 32);
}
