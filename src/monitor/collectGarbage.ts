import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** From this many monitors on, the CLI collects the config load's garbage before starting them. */
export const COLLECT_AFTER_LOAD_FROM = 5_000;

/**
 * Runs one full garbage collection now, on the calling thread.
 *
 * Why: loading a large config leaves hundreds of MB of garbage (the YAML document, validation,
 * interpolation: ~400 MB at 50,000 monitors) in the old generation, and V8 sets the next
 * collection's threshold from the heap of the last one it ran during the load, with its start-up
 * growth factor. So nothing is collected for the first minute of checks while the heap (and RSS)
 * climbs past it. One collection after the load frees it and makes the next threshold follow what is
 * live (and the daemon's heap growth limit, `limitHeapGrowth`). Costs a pause of about 100 ms at
 * 50,000 monitors, once, before any check runs.
 *
 * `gc` is not exposed without `--expose-gc`: the flag is set for the moment it takes to get the
 * function from a fresh context, and unset again (so no other context, or worker thread, gets one).
 *
 * ## Example
 * ```ts
 * const config = await loadConfig(path);
 * collectGarbage(); // the parse's garbage, before the monitors start
 * ```
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  let gc: unknown;
  try {
    gc = runInNewContext('gc');
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  if (typeof gc === 'function') (gc as () => void)();
}
