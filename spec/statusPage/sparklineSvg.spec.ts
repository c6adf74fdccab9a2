import type { LatencySample } from '../../src/statusPage/monitorView.js';
import { SPARKLINE_WIDTH, describeSparkline, sparklineSvg } from '../../src/statusPage/sparklineSvg.js';

const ok = (latencyMs: number): LatencySample => ({ latencyMs, ok: true, status: 200 });
const failed = (latencyMs: number): LatencySample => ({ latencyMs, ok: false });

function failBars(svg: string): number[] {
  return [...svg.matchAll(/<rect class="spark-fail" x="([\d.-]+)" y="0" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]) / 2);
}

describe('sparklineSvg', () => {
  it('marks each failed check with a red bar at its place', () => {
    const svg = sparklineSvg([ok(10), failed(5_000), ok(12), failed(30)], 4);
    const step = SPARKLINE_WIDTH / 3;
    expect(failBars(svg).map(Math.round)).toEqual([Math.round(step), SPARKLINE_WIDTH]);
    expect(svg).toContain('fill="#dc2626"');
  });

  it('draws ok checks as a line that breaks at failures, scaled to the slowest ok check', () => {
    const svg = sparklineSvg([ok(10), ok(20), failed(9_000), ok(20)], 4);
    const d = /<path class="spark-line" d="([^"]+)"/.exec(svg)?.[1];
    // Two subpaths (the failure breaks the line; the lone last check is a dash); 20 ms is the top of the scale (y = 4), 10 ms half way (y = 24), whatever the failure took.
    expect(d?.match(/M/g)).toHaveLength(2);
    expect(d).toBe('M0 24 L100 4 M265 4 L300 4');
  });

  it('puts the newest check at the right edge while the history fills up', () => {
    const svg = sparklineSvg([failed(1)], 120);
    expect(failBars(svg)).toEqual([SPARKLINE_WIDTH]);
  });

  it('is an accessible image that says what it shows', () => {
    const svg = sparklineSvg([ok(12), failed(1), ok(80)], 10);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Last 3 checks: 12 to 80 ms, 1 failed"/);
    expect(svg).toContain('<title>Last 3 checks: 12 to 80 ms, 1 failed</title>');
  });

  it('draws only the baseline without checks', () => {
    const svg = sparklineSvg([], 120);
    expect(svg).not.toContain('spark-line');
    expect(svg).not.toContain('spark-fail');
    expect(describeSparkline([])).toBe('No checks yet');
  });
});
