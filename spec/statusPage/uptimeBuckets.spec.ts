import { BUCKET_MINUTES, UptimeBuckets } from '../../src/statusPage/uptimeBuckets.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('UptimeBuckets', () => {
  it('has no ratio before any check', () => {
    expect(new UptimeBuckets().ratio(T0, 60)).toBeUndefined();
  });

  it('counts ok and failed checks of the current minute', () => {
    const buckets = new UptimeBuckets();
    buckets.record(T0, true);
    buckets.record(T0 + 1_000, true);
    buckets.record(T0 + 2_000, false);
    buckets.record(T0 + 3_000, true);
    expect(buckets.ratio(T0 + 3_000, 60)).toBe(0.75);
  });

  it('leaves checks older than the window out: an hour-old failure is gone from the hour, not from the day', () => {
    const buckets = new UptimeBuckets();
    buckets.record(T0, false);
    buckets.record(T0 + 60 * MINUTE, true);
    expect(buckets.ratio(T0 + 60 * MINUTE, 60)).toBe(1);
    expect(buckets.ratio(T0 + 60 * MINUTE, BUCKET_MINUTES)).toBe(0.5);
    expect(buckets.ratio(T0 + 59 * MINUTE, 60)).toBe(0); // the failure's minute is still inside the hour
  });

  it('reuses a bucket after a day instead of adding to it', () => {
    const buckets = new UptimeBuckets();
    buckets.record(T0, false);
    buckets.record(T0 + BUCKET_MINUTES * MINUTE, true); // same slot, a day later
    expect(buckets.ratio(T0 + BUCKET_MINUTES * MINUTE, BUCKET_MINUTES)).toBe(1);
  });

  it('has no ratio once every check has left the window', () => {
    const buckets = new UptimeBuckets();
    buckets.record(T0, true);
    expect(buckets.ratio(T0 + 2 * BUCKET_MINUTES * MINUTE, BUCKET_MINUTES)).toBeUndefined();
  });
});
