#!/usr/bin/env node
/**
 * What one request costs in CPU and garbage collection, per client, in one process against a local
 * server in that process (the same server cost in every row): the bare `node:http` request (fresh
 * connection, `agent: false`), axios as users call it, and rxmon's HTTP adapter (axios underneath,
 * with the phase timings). Run: `npm run build && node bench/clientCost.mjs [requests]`.
 *
 * Each client runs in a fresh child process (so one's heap does not weigh on the next), 8 requests in
 * flight, after 2,000 warm-up requests. Prints CPU ms per request (process CPU, all threads: GC
 * helper threads too) and young/old collections per 1,000 requests with their pause time.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';

const SELF = fileURLToPath(import.meta.url);
const CLIENTS = ['bare node:http', 'axios', 'rxmon adapter'];

async function measure(client, requests) {
  const server = http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.on('listening', resolve));
  const url = `http://127.0.0.1:${server.address().port}/ok`;
  let one;
  if (client === 'bare node:http') {
    one = () => new Promise((resolve) => http.get(url, { agent: false }, (res) => res.resume().on('end', resolve)).on('error', resolve));
  } else if (client === 'axios') {
    const { default: axios } = await import('axios');
    const agent = new http.Agent({ keepAlive: false });
    one = () => axios.get(url, { httpAgent: agent, responseType: 'stream', proxy: false }).then((r) => new Promise((resolve) => r.data.resume().on('end', resolve)));
  } else {
    const { AxiosHttpClient } = await import('../dist/http/axiosHttpClient.js');
    const { parseConfig } = await import('../dist/config/parseConfig.js');
    const [spec] = parseConfig(`monitors:\n  a:\n    url: ${url}\n`, 'bench.yml').monitors;
    const adapter = new AxiosHttpClient();
    one = () => adapter.request(spec, new AbortController().signal);
  }
  const loop = async (count) => {
    let left = count;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (left-- > 0) await one();
    }));
  };
  await loop(2_000);
  const gcs = { minor: 0, major: 0, pauseMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // kind 1: scavenge (minor); 2, 4: mark-compact (major), incremental marking.
      if (entry.detail?.kind === 1) gcs.minor += 1;
      else gcs.major += 1;
      gcs.pauseMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu0 = process.cpuUsage();
  await loop(requests);
  const cpu = process.cpuUsage(cpu0);
  observer.disconnect();
  server.close();
  return { client, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / requests, minorPer1k: (gcs.minor / requests) * 1000, majorPer1k: (gcs.major / requests) * 1000, gcPauseMsPer1k: (gcs.pauseMs / requests) * 1000 };
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await measure(process.argv[3], Number(process.argv[4]))));
  process.exit(0);
}
const requests = Number(process.argv[2] ?? 20_000);
console.log(`${requests} requests per client, 8 in flight, client and server in one process\n`);
console.log('| client | CPU per request | scavenges per 1,000 | mark-compacts per 1,000 | GC pause per 1,000 |');
console.log('|---|---:|---:|---:|---:|');
for (const client of CLIENTS) {
  const run = spawnSync(process.execPath, [SELF, '--child', client, String(requests)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${client}: ${run.stderr}`);
  const r = JSON.parse(run.stdout);
  console.log(`| ${r.client} | ${r.cpuMsPerRequest.toFixed(3)} ms | ${r.minorPer1k.toFixed(1)} | ${r.majorPer1k.toFixed(2)} | ${r.gcPauseMsPer1k.toFixed(1)} ms |`);
}
