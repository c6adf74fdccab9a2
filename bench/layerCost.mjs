#!/usr/bin/env node
/**
 * What each layer of a check costs at saturation-like concurrency, against the bench's target server
 * in its own process: the bare `node:http` request (`agent: false`), the same through an
 * `http.Agent`, rxmon's adapter, and the whole `httpCheck` Observable. Each in a fresh child
 * process, a closed loop with `concurrency` in flight for `seconds`, after a warm-up.
 * Run: `npm run build && node bench/layerCost.mjs [concurrency=256] [seconds=8]`.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { startTarget } from './target.mjs';

const SELF = fileURLToPath(import.meta.url);
const LAYERS = (process.env.LAYERS ?? 'bare,agent,adapter,httpCheck').split(',');

async function measure(layer, url, concurrency, seconds) {
  let one;
  if (layer === 'bare') {
    one = () => new Promise((resolve) => http.get(url, { agent: false }, (res) => res.resume().on('end', resolve)).on('error', resolve));
  } else if (layer === 'agent') {
    const agent = new http.Agent({ keepAlive: false });
    one = () => new Promise((resolve) => http.get(url, { agent }, (res) => res.resume().on('end', resolve)).on('error', resolve));
  } else {
    const { AxiosHttpClient } = await import('../dist/http/axiosHttpClient.js');
    const { parseConfig } = await import('../dist/config/parseConfig.js');
    const [spec] = parseConfig(`monitors:\n  a:\n    url: ${url}\n`, 'bench.yml').monitors;
    const adapter = new AxiosHttpClient();
    if (layer === 'adapter') one = () => adapter.request(spec, new AbortController().signal);
    else if (layer.startsWith('monitors')) {
      // N monitors every second through monitorResults (schedule, gate, lag stamp) on one
      // TimerHeapScheduler, with max_concurrent_checks in flight: the daemon's check path without
      // its main-thread sinks.
      const count = Number(layer.split(':')[1] ?? 15_000);
      const { httpCheck } = await import('../dist/check/httpCheck.js');
      const { monitorResults } = await import('../dist/monitor/monitor.js');
      const { CheckGate } = await import('../dist/monitor/checkGate.js');
      const { TimerHeapScheduler } = await import('../dist/monitor/timerHeapScheduler.js');
      const { firstCheckOffset } = await import('../dist/monitor/firstCheckOffset.js');
      const scheduler = new TimerHeapScheduler();
      const gate = new CheckGate(concurrency);
      const yaml = ['monitors:'];
      for (let i = 0; i < count; i++) yaml.push(`  m${i}:`, `    url: ${url}?m=${i}`, '    check_every: 1');
      const specs = parseConfig(yaml.join('\n') + '\n', 'bench.yml').monitors;
      let completed = 0;
      const subs = specs.map((s) => monitorResults(s, { check: (x) => httpCheck(x, adapter, scheduler), offset: firstCheckOffset(s.name, s.checkEvery, count), scheduler, gate }).subscribe(() => completed++));
      const measured = await window(layer, () => completed, 3_000, seconds);
      for (const sub of subs) sub.unsubscribe();
      return measured;
    } else {
      const { httpCheck } = await import('../dist/check/httpCheck.js');
      const check = httpCheck(spec, adapter);
      one = () => new Promise((resolve) => check.subscribe({ next: resolve, error: resolve }));
    }
  }
  let running = true;
  let completed = 0;
  const loop = async () => { while (running) { await one(); completed += 1; } };
  const loops = Array.from({ length: concurrency }, loop);
  const measured = await window(layer, () => completed, 2_000, seconds);
  running = false;
  await Promise.all(loops);
  return measured;
}

/** After `warmUpMs`, the requests completed and the process CPU over `seconds`, per request. */
async function window(layer, completed, warmUpMs, seconds) {
  await new Promise((r) => setTimeout(r, warmUpMs));
  const c0 = completed();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const n = completed() - c0;
  return { layer, perSecond: (n / ms) * 1000, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / n, userMs: cpu.user / 1000 / n, sysMs: cpu.system / 1000 / n };
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await measure(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]))));
  process.exit(0);
}
const concurrency = Number(process.argv[2] ?? 256);
const seconds = Number(process.argv[3] ?? 8);
const rounds = Number(process.argv[4] ?? 1);
const target = await startTarget();
const url = target.url('/ok');
console.log(`${concurrency} in flight, ${seconds} s per layer, target in its own process\n`);
console.log('| layer | requests/s | CPU per request | user | system |');
console.log('|---|---:|---:|---:|---:|');
for (let r = 0; r < rounds; r++) for (const layer of LAYERS) {
  const run = spawnSync(process.execPath, [SELF, '--child', layer, url, String(concurrency), String(seconds)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${layer}: ${run.stderr}`);
  const x = JSON.parse(run.stdout);
  console.log(`| ${x.layer} | ${x.perSecond.toFixed(0)} | ${x.cpuMsPerRequest.toFixed(3)} ms | ${x.userMs.toFixed(3)} | ${x.sysMs.toFixed(3)} |`);
}
await target.close();
process.exit(0);
