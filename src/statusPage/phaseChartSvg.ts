import { escapeHtml } from './escapeHtml.js';
import { formatInstant, formatLatency } from './formatFigures.js';
import { type ChartBin, PHASES, type Phase } from './chartBins.js';

/** Drawing size of {@link phaseChartSvg}, SVG units (the page stretches it to its width). */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 180;
/** Height of the failure band at the top, SVG units. */
const FAIL_BAND = 8;

/** Each phase's label and fallback colour (the stylesheet's `.p-<phase>` classes set the real one). */
export const PHASE_STYLE: Readonly<Record<Phase, { label: string; className: string; fill: string }>> = {
  dnsMs: { label: 'DNS', className: 'p-dns', fill: '#a855f7' },
  connectMs: { label: 'Connect', className: 'p-connect', fill: '#f59e0b' },
  tlsMs: { label: 'TLS', className: 'p-tls', fill: '#14b8a6' },
  firstByteMs: { label: 'First byte', className: 'p-first', fill: '#3b82f6' },
  transferMs: { label: 'Transfer', className: 'p-transfer', fill: '#94a3b8' },
};

/**
 * A response-time chart as inline SVG: one bar per bin, its height the average check time, stacked
 * by phase (DNS, connect, TLS, first byte, transfer; bottom up). A bin with failed checks has a red
 * mark in the band on top; a bin with checks but no timings is a grey bar of its average latency.
 * Each bar carries a `<title>` with its figures. Only numbers and fixed words go into the markup.
 *
 * @param bins The bars, oldest first.
 * @returns `{ svg, maxMs }`: the markup and the scale's top, ms.
 */
export function phaseChartSvg(bins: readonly ChartBin[]): { svg: string; maxMs: number } {
  const totals = bins.map((bin) => (bin.phases ? PHASES.reduce((sum, phase) => sum + bin.phases![phase], 0) : (bin.latencyMs ?? 0)));
  const maxMs = Math.max(1, ...totals);
  const step = CHART_WIDTH / Math.max(1, bins.length);
  const barWidth = Math.max(0.5, step * 0.8);
  const plot = CHART_HEIGHT - FAIL_BAND;
  const parts: string[] = [];
  bins.forEach((bin, index) => {
    if (bin.checks === 0) return;
    const x = round(index * step + (step - barWidth) / 2);
    const rects: string[] = [];
    let y = CHART_HEIGHT;
    if (bin.phases) {
      for (const phase of PHASES) {
        const height = (bin.phases[phase] / maxMs) * plot;
        if (height <= 0) continue;
        y -= height;
        const { className, fill } = PHASE_STYLE[phase];
        rects.push(`<rect class="${className}" x="${x}" y="${round(y)}" width="${round(barWidth)}" height="${round(height)}" fill="${fill}"/>`);
      }
    } else if (bin.latencyMs !== undefined) {
      const height = (bin.latencyMs / maxMs) * plot;
      rects.push(`<rect class="p-none" x="${x}" y="${round(CHART_HEIGHT - height)}" width="${round(barWidth)}" height="${round(height)}" fill="#cbd5e1"/>`);
    }
    if (bin.failed > 0) rects.push(`<rect class="p-fail" x="${x}" y="0" width="${round(barWidth)}" height="${FAIL_BAND - 2}" fill="#dc2626"/>`);
    parts.push(`<g><title>${escapeHtml(describeBin(bin))}</title>${rects.join('')}</g>`);
  });
  const grid = [0.25, 0.5, 0.75]
    .map((share) => `<line class="grid" x1="0" x2="${CHART_WIDTH}" y1="${round(CHART_HEIGHT - share * plot)}" y2="${round(CHART_HEIGHT - share * plot)}" stroke="#e2e8f0" vector-effect="non-scaling-stroke"/>`)
    .join('');
  const label = `Response time, ${bins.length} bars, up to ${formatLatency(maxMs)}`;
  return {
    svg:
      `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg" data-field="chart">` +
      `${grid}${parts.join('')}</svg>`,
    maxMs,
  };
}

/**
 * One bar in words (its tooltip).
 *
 * @param bin The bar.
 * @returns Such as `'2026-03-01 14:00:00 UTC: 360 checks, 2 failed, 23 ms (DNS 1 ms, Connect 2 ms, …)'`.
 */
export function describeBin(bin: ChartBin): string {
  const head = `${formatInstant(bin.startMs)}: ${bin.checks === 1 ? '1 check' : `${bin.checks} checks`}, ${bin.failed} failed`;
  if (bin.latencyMs === undefined) return head;
  const phases = bin.phases ? ` (${PHASES.map((phase) => `${PHASE_STYLE[phase].label} ${formatLatency(bin.phases![phase])}`).join(', ')})` : '';
  return `${head}, ${formatLatency(bin.latencyMs)}${phases}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
