/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function and per area
 * (axios, rxjs, bunyan, node core, rxmon's own code, GC, idle).
 *
 * CLI: `node bench/cpuProfile.mjs <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which area a frame belongs to.
 *
 * @param {{ url: string, functionName: string }} frame The call frame.
 * @returns {string} The area.
 */
export function areaOf({ url, functionName }) {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node core';
  if (/\/dist\//.test(url)) return 'rxmon';
  if (url === '') return 'native (builtins, no url)';
  return 'other';
}

/**
 * Self time per function and per area.
 *
 * @param {{ nodes: any[], samples: number[], timeDeltas: number[] }} profile The parsed profile.
 * @returns {{ totalMs: number, busyMs: number, areas: Array<{ area: string, ms: number, share: number }>,
 *   functions: Array<{ name: string, area: string, where: string, ms: number, share: number }> }}
 *   Shares are of busy (non-idle) time.
 */
export function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map();
  const areas = new Map();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    const area = areaOf(frame);
    totalUs += us;
    if (area === 'idle') {
      idleUs += us;
      continue;
    }
    const where = `${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName || '(anonymous)'} ${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', area, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const share = (us) => us / busyUs;
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    areas: [...areas].map(([area, us]) => ({ area, ms: us / 1000, share: share(us) })).sort((a, b) => b.ms - a.ms),
    functions: [...functions.values()]
      .map(({ us, ...rest }) => ({ ...rest, ms: us / 1000, share: share(us) }))
      .sort((a, b) => b.ms - a.ms),
  };
}

/**
 * Renders a summary as text.
 *
 * @param {ReturnType<typeof summariseProfile>} summary The summary.
 * @param {number} [top] How many functions.
 * @returns {string} Two Markdown tables.
 */
export function renderSummary(summary, top = 25) {
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const lines = [`busy ${summary.busyMs.toFixed(0)} ms of ${summary.totalMs.toFixed(0)} ms sampled`, '', '| area | self ms | share of busy |', '|---|---:|---:|'];
  for (const a of summary.areas) lines.push(`| ${a.area} | ${a.ms.toFixed(0)} | ${pct(a.share)} |`);
  lines.push('', '| function | area | where | self ms | share |', '|---|---|---|---:|---:|');
  for (const f of summary.functions.slice(0, top)) lines.push(`| ${f.name} | ${f.area} | ${f.where} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/cpuProfile.mjs <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(renderSummary(summary, Number(top) || 25) + '\n');
}
