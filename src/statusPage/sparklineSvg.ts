import type { LatencySample } from './monitorView.js';

/** Drawing size of {@link sparklineSvg}, in SVG units (the page stretches it to the card's width). */
export const SPARKLINE_WIDTH = 300;
export const SPARKLINE_HEIGHT = 48;
const PAD = 4;

/**
 * An inline SVG sparkline of recent latencies. Ok checks make the line; each failed check is a red
 * bar across the full height (class `spark-fail`), so failures stand out even when they are rare.
 * The newest check sits at the right edge; `slots` fixes the spacing, so the line fills up from the
 * right as history grows. The latency scale runs from 0 to the slowest ok check.
 *
 * Only numbers go into the markup, so it is safe to insert as HTML. Colours are set as attributes
 * (the SVG looks right on its own) and can be overridden by CSS through the classes.
 *
 * ## Example
 * ```ts
 * sparklineSvg([{ latencyMs: 12, ok: true }, { latencyMs: 5000, ok: false }], 120);
 * // '<svg class="spark" viewBox="0 0 300 48" …><rect class="spark-fail" …/>…</svg>'
 * ```
 *
 * @param samples The checks, oldest first.
 * @param slots How many checks the width holds (the history size); at least `samples.length`.
 * @returns The `<svg>` element's markup.
 */
export function sparklineSvg(samples: readonly LatencySample[], slots: number): string {
  const span = Math.max(slots, samples.length, 2) - 1;
  const step = SPARKLINE_WIDTH / span;
  const xOf = (index: number) => SPARKLINE_WIDTH - (samples.length - 1 - index) * step;
  const okLatencies = samples.filter((sample) => sample.ok).map((sample) => sample.latencyMs);
  const max = okLatencies.reduce((a, b) => Math.max(a, b), 1);
  const yOf = (ms: number) => SPARKLINE_HEIGHT - PAD - (Math.max(0, ms) / max) * (SPARKLINE_HEIGHT - 2 * PAD);

  const failWidth = Math.max(2, step * 0.7);
  const fails = samples
    .map((sample, index) => (sample.ok ? '' : `<rect class="spark-fail" x="${round(xOf(index) - failWidth / 2)}" y="0" width="${round(failWidth)}" height="${SPARKLINE_HEIGHT}" fill="#dc2626"/>`))
    .join('');

  // The line breaks at each failure; a lone ok check between failures is a short dash.
  const runs: string[][] = [];
  let run: string[] | undefined;
  samples.forEach((sample, index) => {
    if (!sample.ok) {
      run = undefined;
      return;
    }
    if (!run) runs.push((run = []));
    run.push(`${round(xOf(index))} ${round(yOf(sample.latencyMs))}`);
  });
  const dash = Math.max(1.5, step * 0.35);
  const path = runs
    .map((points) => {
      if (points.length > 1) return `M${points.join(' L')}`;
      const [x, y] = points[0].split(' ').map(Number);
      return `M${round(Math.max(0, x - dash))} ${y} L${round(Math.min(SPARKLINE_WIDTH, x + dash))} ${y}`;
    })
    .join(' ');
  const line = path
    ? `<path class="spark-line" d="${path}" fill="none" stroke="#2563eb" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`
    : '';
  const baseline = `<line class="spark-base" x1="0" y1="${SPARKLINE_HEIGHT - PAD}" x2="${SPARKLINE_WIDTH}" y2="${SPARKLINE_HEIGHT - PAD}" stroke="#cbd5e1" stroke-width="1" vector-effect="non-scaling-stroke"/>`;
  const label = describeSparkline(samples);
  return (
    `<svg class="spark" viewBox="0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${label}</title>${baseline}${fails}${line}</svg>`
  );
}

/**
 * The sparkline in words (its caption, tooltip and screen-reader label). Numbers only.
 *
 * @param samples The checks, oldest first.
 * @returns Such as `'Last 37 checks: 12 to 80 ms, 3 failed'`, or `'No checks yet'`.
 */
export function describeSparkline(samples: readonly LatencySample[]): string {
  if (samples.length === 0) return 'No checks yet';
  const okLatencies = samples.filter((sample) => sample.ok).map((sample) => sample.latencyMs);
  const failed = samples.length - okLatencies.length;
  const checks = samples.length === 1 ? '1 check' : `${samples.length} checks`;
  const range = okLatencies.length > 0 ? `: ${okLatencies.reduce((a, b) => Math.min(a, b))} to ${okLatencies.reduce((a, b) => Math.max(a, b))} ms` : '';
  return `Last ${checks}${range}, ${failed} failed`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
