#!/usr/bin/env node
/**
 * Two (or more) builds, or settings, side by side on one target, taking turns: the way to compare
 * before and after on a shared, noisy machine (one run each would compare the machine's moods).
 *
 *   node bench/compareBuilds.mjs '<variants>' [rounds=2] [window scale=0.5] [saturation|scale|fleet]
 *
 * `<variants>` is JSON: `[{ "name": "before", "env": { "RXMON_BENCH_DAEMON": "/tmp/base/dist/main.js" } },
 * { "name": "after" }]`; each variant's `env` is set while its daemon runs (`RXMON_BENCH_DAEMON` names
 * another build's `main.js`; make one with `git worktree add /tmp/base <commit>` and `npm run build`
 * there). The cases are the bench's own (bench/phases): saturation (15,000 monitors at 1 s), scale
 * (10,000 at 10 s), fleet (50,000 at 30 s).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTarget } from './target.mjs';
import { runRxmonSaturation } from './phases/saturation.mjs';
import { runScale, FLEET } from './phases/scale.mjs';
const [variantsJson, roundsArg = '2', scaleArg = '0.5', which = 'saturation'] = process.argv.slice(2);
const variants = JSON.parse(variantsJson);
const dir = mkdtempSync(join(tmpdir(), 'ab-'));
const target = await startTarget();
const ctx = { dir, target, scale: Number(scaleArg), log: (l) => console.log('   ', l), profileDir: '/tmp/prof' };
const base = { ...process.env };
for (let r = 0; r < Number(roundsArg); r++) for (const v of variants) {
  process.env = { ...base, ...(v.env ?? {}) };
  if (which === 'saturation') {
    const w = await runRxmonSaturation(ctx, { workers: v.workers });
    const fails = Object.values(w.failures).reduce((a, b) => a + b, 0);
    console.log(`${v.name.padEnd(20)} ${w.perSecond.toFixed(0).padStart(6)} checks/s  ${w.cpuMsPerCheck.toFixed(3)} ms/check  fails ${fails}`);
  } else {
    const opts = which === 'fleet' ? { label: v.name, ...FLEET } : { label: v.name };
    const s = await runScale(ctx, opts);
    console.log(`${v.name.padEnd(20)} ${s.checksPerSecond.toFixed(0)}/s cpu ${s.cpuMsPerCheck.toFixed(3)} ms/check  first ${s.firstCheckMs} ms  p99 |dev| ${s.intervals.deviationP99?.toFixed(1)} ms  missed ${s.intervals.missedTicks}  lag p99 ${s.lag.p99?.toFixed(0)}  RSS ${s.rssAfterStartupMb.toFixed(0)}/${s.rssAtEndMb.toFixed(0)} peak ${s.peakRssMb.toFixed(0)} MB`);
  }
}
await target.close();
process.exit(0);
