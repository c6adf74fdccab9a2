import { HopMarks } from '../../src/http/hopMarks.js';
import { PhaseClock } from '../../src/http/phaseClock.js';

function marks(values: Partial<HopMarks>): HopMarks {
  return Object.assign(new HopMarks(), values);
}

const HTTPS_NAME = { secure: true, needsDns: true };
const HTTP_IP = { secure: false, needsDns: false };

describe('PhaseClock', () => {
  it('splits a complete https hop into the gaps between its marks', () => {
    const clock = new PhaseClock(100);
    clock.endHop(marks({ lookupAt: 102, connectAt: 105, secureAt: 111, firstByteAt: 131 }), HTTPS_NAME, 140);
    expect(clock.timings()).toEqual({ dnsMs: 2, connectMs: 3, tlsMs: 6, firstByteMs: 20, transferMs: 9 });
    expect(clock.durationMs()).toBe(40);
  });

  it('counts 0 for DNS and TLS when an http hop to an IP literal has neither', () => {
    const clock = new PhaseClock(0);
    clock.endHop(marks({ connectAt: 1, firstByteAt: 11 }), HTTP_IP, 12);
    expect(clock.timings()).toEqual({ dnsMs: 0, connectMs: 1, tlsMs: 0, firstByteMs: 10, transferMs: 1 });
  });

  it.each([
    ['the first network action (startAt) when there is one', { sentAt: 3, startAt: 4 }, 4],
    ['the request handed to the transport (sentAt) without one', { sentAt: 3 }, 3],
  ])('starts the clock at %s: Node\'s own set-up before it is not counted', (_name, start, startedAt) => {
    const clock = new PhaseClock(1);
    clock.endHop(marks({ ...start, connectAt: 5, firstByteAt: 10 }), HTTP_IP, 11);
    expect(clock.startedAt).toBe(startedAt);
    expect(clock.timings()).toEqual({ dnsMs: 0, connectMs: 5 - startedAt, tlsMs: 0, firstByteMs: 5, transferMs: 1 });
    expect(clock.durationMs()).toBe(11 - startedAt);
  });

  it('sums phases across hops, each hop starting where the previous ended', () => {
    const clock = new PhaseClock(0);
    clock.endHop(marks({ connectAt: 1, firstByteAt: 5 }), HTTP_IP, 6);
    clock.endHop(marks({ lookupAt: 8, connectAt: 9, secureAt: 12, firstByteAt: 20 }), HTTPS_NAME, 25);
    expect(clock.timings()).toEqual({ dnsMs: 2, connectMs: 2, tlsMs: 3, firstByteMs: 12, transferMs: 6 });
    expect(clock.durationMs()).toBe(25);
  });

  it.each([
    ['DNS', undefined, { secure: false, needsDns: true }, 'dnsMs'],
    ['connect (IP literal)', undefined, HTTP_IP, 'connectMs'],
    ['connect', marks({ lookupAt: 1 }), HTTPS_NAME, 'connectMs'],
    ['TLS', marks({ lookupAt: 1, connectAt: 2 }), HTTPS_NAME, 'tlsMs'],
    ['first byte', marks({ connectAt: 2 }), HTTP_IP, 'firstByteMs'],
    ['transfer', marks({ connectAt: 2, firstByteAt: 3 }), HTTP_IP, 'transferMs'],
  ] as const)('gives the time after the last mark to the phase in progress: %s', (_name, hop, kind, phase) => {
    const clock = new PhaseClock(0);
    clock.endHop(hop, kind, 1000);
    const timings = clock.timings();
    const lastMark = Math.max(hop?.lookupAt ?? 0, hop?.connectAt ?? 0, hop?.firstByteAt ?? 0);
    expect(timings[phase]).toBeGreaterThanOrEqual(1000 - lastMark);
    expect(Object.values(timings).reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 6);
  });

  it('keeps the sum equal to the duration with fractional marks', () => {
    const clock = new PhaseClock(10.1234567);
    clock.endHop(marks({ lookupAt: 11.7654321, connectAt: 12.0000001, secureAt: 19.9999999, firstByteAt: 33.3333333 }), HTTPS_NAME, 47.1111111);
    const sum = Object.values(clock.timings()).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - clock.durationMs())).toBeLessThan(0.003);
  });
});

describe('PhaseClock start', () => {
  it('starts at the first hop sentAt, so work before the transport is not counted', () => {
    const clock = new PhaseClock(100);
    const first = new HopMarks();
    Object.assign(first, { sentAt: 103, connectAt: 104, firstByteAt: 110 });
    clock.endHop(first, { secure: false, needsDns: false }, 112);
    expect(clock.durationMs()).toBe(9);
    expect(clock.timings()).toEqual({ dnsMs: 0, connectMs: 1, tlsMs: 0, firstByteMs: 6, transferMs: 2 });
  });

  it('counts the gap before a later hop sentAt in that hop', () => {
    const clock = new PhaseClock(0);
    const first = new HopMarks();
    Object.assign(first, { sentAt: 1, connectAt: 2, firstByteAt: 4 });
    clock.endHop(first, { secure: false, needsDns: false }, 5);
    const second = new HopMarks();
    Object.assign(second, { sentAt: 7, connectAt: 8, firstByteAt: 10 });
    clock.endHop(second, { secure: false, needsDns: false }, 11);
    expect(clock.durationMs()).toBe(10);
    expect(clock.timings().connectMs).toBe(1 + 3);
  });
});
