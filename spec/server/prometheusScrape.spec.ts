import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createMetrics } from '../../src/metrics/createMetrics.js';
import { operationalRoutes } from '../../src/server/operationalRoutes.js';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { checkResult, httpsResult, refusedResult } from '../metrics/fixtures.js';

/** The path of an executable on PATH, or undefined. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A port that was free a moment ago on 127.0.0.1 (Prometheus cannot report a port 0 choice). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface PromVector {
  status: string;
  data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
}

const prometheus = onPath('prometheus');
if (!prometheus) {
  console.warn(
    '\n*** prometheus is not on PATH: SKIPPING the real-Prometheus scrape of /metrics. ***\n' +
      '*** Install it with `apt-get install -y prometheus` (Debian) to run this test.      ***\n',
  );
}

(prometheus ? describe : describe.skip)('a real Prometheus on loopback', () => {
  let server: RunningServer;
  let child: ChildProcess | undefined;
  let dir: string;
  let log = '';

  beforeAll(async () => {
    const metrics = createMetrics({ shard: '0/1' });
    metrics.setMonitorCount(3);
    for (const result of [checkResult(), refusedResult({ monitor: 'down' }), httpsResult()]) metrics.observe(result);
    server = await startServer({ port: 0, routes: operationalRoutes({ registry: metrics.registry, isRunning: () => true }) });
    dir = await mkdtemp(join(tmpdir(), 'rxmon-prometheus-'));
    await writeFile(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, scrape_timeout: 1s }',
        'scrape_configs:',
        '  - job_name: rxmon',
        `    static_configs: [{ targets: ['127.0.0.1:${server.port}'] }]`,
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('scrapes /metrics: probe_success per monitor, with the shard label', async () => {
    const webPort = await freePort();
    child = spawn(
      prometheus!,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${webPort}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });

    const query = `http://127.0.0.1:${webPort}/api/v1/query?query=${encodeURIComponent('probe_success{job="rxmon"}')}`;
    let found: PromVector['data']['result'] = [];
    const deadline = Date.now() + 40_000;
    while (found.length < 3 && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        const answer = (await (await fetch(query)).json()) as PromVector;
        if (answer.status === 'success') found = answer.data.result;
      } catch {
        // not up yet
      }
    }

    const byMonitor = Object.fromEntries(found.map(({ metric, value }) => [metric.monitor, { shard: metric.shard, value: value[1] }]));
    expect({ byMonitor, log: found.length < 3 ? log : '' }).toEqual({
      byMonitor: { api: { shard: '0/1', value: '1' }, down: { shard: '0/1', value: '0' }, shop: { shard: '0/1', value: '1' } },
      log: '',
    });
  }, 60_000);
});
