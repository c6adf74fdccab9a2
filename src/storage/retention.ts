import type { Retention } from './store.js';

const DAY_MS = 86_400_000;

/**
 * Default retention: every raw result for 6 hours, failed results for 30 days, the incident log and
 * daily aggregates for 400 days, hourly aggregates for 35 days. Hourly buckets answer 24 h, 7 d and
 * 30 d; daily ones 90 d and 1 y. Raw ok results dominate the size at scale (10,000 monitors at 10 s
 * check 86 million times a day), so they go first; what explains an incident stays. The README's
 * "Storage" section gives the disk cost of each.
 */
export const DEFAULT_RETENTION: Retention = {
  results: 6 * 3_600_000,
  failures: 30 * DAY_MS,
  changes: 400 * DAY_MS,
  hourly: 35 * DAY_MS,
  daily: 400 * DAY_MS,
};

/** The keys of `storage.retention`, in the order they are pruned. */
export const RETENTION_KINDS = ['results', 'failures', 'changes', 'hourly', 'daily'] as const satisfies readonly (keyof Retention)[];
