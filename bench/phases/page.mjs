/**
 * Case "page": the status page at 10,000 monitors (every 10 s, in 25 groups, on the local target).
 * GET / time and bytes, plain and gzip; GET /monitors/<name> time; then 100 open /events clients:
 * the daemon's CPU with and without them, the bytes each client gets, and whether every client kept
 * receiving deltas.
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { monitorName } from '../configs.mjs';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { freePort } from '../freePort.mjs';
import { cpuMs } from '../procStats.mjs';
import { sleep } from '../processes.mjs';
import { median } from '../stats.mjs';

/** The case's fixed parameters. */
export const PAGE = { monitors: 10_000, groups: 25, checkEvery: 10, requests: 10, clients: 100, windowMs: 20_000 };

function get(url, headers = {}) {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      let body = '';
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (!res.headers['content-encoding']) body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, bytes, body, ms: performance.now() - start, encoding: res.headers['content-encoding'] }));
    })
      .on('error', reject)
      .end();
  });
}

function openClient(url) {
  const client = { frames: 0, bytes: 0, lastAt: 0, ended: false, req: undefined };
  return new Promise((resolve, reject) => {
    client.req = request(url, { headers: { Accept: 'text/event-stream' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        client.bytes += Buffer.byteLength(chunk);
        const frames = chunk.split('\ndata: ').length - 1 + (chunk.startsWith('data: ') ? 1 : 0);
        if (frames > 0) {
          client.frames += frames;
          client.lastAt = Date.now();
        }
      });
      res.on('end', () => (client.ended = true));
      res.on('close', () => (client.ended = true));
      resolve(client);
    });
    client.req.on('error', reject);
    client.req.end();
  });
}

async function timed(url, headers) {
  const runs = [];
  for (let i = 0; i < PAGE.requests; i += 1) {
    runs.push(await get(url, headers));
    // The overview is kept for 1 s: every request here renders it afresh.
    await sleep(1_100);
  }
  return { ms: median(runs.map((run) => run.ms)), maxMs: Math.max(...runs.map((run) => run.ms)), bytes: runs.at(-1).bytes, status: runs.at(-1).status, encoding: runs.at(-1).encoding };
}

async function cpuPercent(pid, windowMs) {
  const before = cpuMs(pid);
  const start = performance.now();
  await sleep(windowMs);
  return ((cpuMs(pid) - before) / (performance.now() - start)) * 100;
}

/**
 * Runs the case.
 *
 * @param {object} ctx The run context (dir, target, scale, log).
 * @returns {Promise<object>} The figures.
 */
export async function runPage(ctx) {
  const { dir, target, log, scale = 1 } = ctx;
  const windowMs = Math.max(10_000, PAGE.windowMs * scale);
  const port = await freePort();
  const lines = ['log:', '  level: warn', 'server:', '  host: 127.0.0.1', `  port: ${port}`, 'defaults:', `  check_every: ${PAGE.checkEvery}`, '  timeout: 5', '  success_threshold: 1', 'monitors:'];
  for (let i = 0; i < PAGE.monitors; i += 1) {
    const name = monitorName(i);
    lines.push(`  ${name}: { url: "${target.url(`/m/${name}`)}", group: team-${String(i % PAGE.groups).padStart(2, '0')} }`);
  }
  const configFile = join(dir, 'page.yml');
  writeFileSync(configFile, `${lines.join('\n')}\n`);
  log(`page: ${PAGE.monitors} monitors every ${PAGE.checkEvery} s in ${PAGE.groups} groups; GET / ×${PAGE.requests}, ${PAGE.clients} /events clients over ${windowMs / 1000} s`);
  const base = `http://127.0.0.1:${port}/`;
  const daemon = startDaemon({ configFile });
  const clients = [];
  try {
    // Up once every monitor has its first result (the page shows none pending).
    const start = Date.now();
    for (;;) {
      assertRunning(daemon);
      const page = await get(base).catch(() => undefined);
      if (page?.status === 200 && !page.body.includes('data-overall="pending"') && page.body.includes('data-count="pending">0<')) break;
      if (page?.status === 200 && !page.body.includes('data-count=')) throw new Error('the daemon does not serve the new status page (wire createStatusPage({ live, store }) into runDaemon)');
      if (Date.now() - start > 60_000) throw new Error('monitors still pending after 60 s');
      await sleep(500);
    }
    await sleep(PAGE.checkEvery * 1000);
    const plain = await timed(base);
    const gzip = await timed(base, { 'Accept-Encoding': 'gzip' });
    const monitor = await timed(`${base}monitors/${monitorName(42)}`);
    const monitorHour = await timed(`${base}monitors/${monitorName(42)}?range=1h`);
    log(`  GET / ${plain.bytes} B in ${plain.ms.toFixed(0)} ms (median; max ${plain.maxMs.toFixed(0)}); gzip ${gzip.bytes} B in ${gzip.ms.toFixed(0)} ms; GET /monitors/<name> ${monitor.ms.toFixed(0)} ms (1h range ${monitorHour.ms.toFixed(0)} ms)`);
    const idleCpu = await cpuPercent(daemon.pid, windowMs);
    for (let i = 0; i < PAGE.clients; i += 1) clients.push(await openClient(`${base}events`));
    await sleep(1_000);
    const framesBefore = clients.map((client) => client.frames);
    const bytesBefore = clients.reduce((sum, client) => sum + client.bytes, 0);
    const sseCpu = await cpuPercent(daemon.pid, windowMs);
    const now = Date.now();
    const got = clients.map((client, i) => client.frames - framesBefore[i]);
    const allReceiving = clients.every((client, i) => !client.ended && got[i] > 0 && now - client.lastAt < 2_000);
    const bytesPerClientPerSecond = (clients.reduce((sum, client) => sum + client.bytes, 0) - bytesBefore) / PAGE.clients / (windowMs / 1000);
    const whileOpen = await timed(base);
    assertRunning(daemon);
    const result = {
      monitors: PAGE.monitors,
      plain: { ms: plain.ms, maxMs: plain.maxMs, bytes: plain.bytes },
      gzip: { ms: gzip.ms, maxMs: gzip.maxMs, bytes: gzip.bytes, encoding: gzip.encoding },
      monitorPageMs: monitor.ms,
      monitorPageHourMs: monitorHour.ms,
      idleCpuPercent: idleCpu,
      sseCpuPercent: sseCpu,
      clients: PAGE.clients,
      framesPerClient: { min: Math.min(...got), median: median(got) },
      bytesPerClientPerSecond,
      allReceiving,
      pageWithClientsMs: whileOpen.ms,
    };
    log(
      `  CPU ${idleCpu.toFixed(1)} % without clients, ${sseCpu.toFixed(1)} % with ${PAGE.clients}; frames per client min ${result.framesPerClient.min}, ` +
        `${(bytesPerClientPerSecond / 1024).toFixed(1)} KiB/s each; every client kept receiving: ${allReceiving}; GET / with them open ${whileOpen.ms.toFixed(0)} ms`,
    );
    return result;
  } finally {
    for (const client of clients) client.req.destroy();
    await daemon.stop();
  }
}
