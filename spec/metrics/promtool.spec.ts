import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createMetrics } from '../../src/metrics/createMetrics.js';
import { checkResult, httpsResult, refusedResult } from './fixtures.js';

/** The path of an executable on PATH, or undefined. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs `promtool check metrics` with `exposition` on stdin. */
function promtoolCheck(promtool: string, exposition: string) {
  const run = spawnSync(promtool, ['check', 'metrics'], { input: exposition, encoding: 'utf8', timeout: 15_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const promtool = onPath('promtool');
if (!promtool) {
  console.warn(
    '\n*** promtool is not on PATH: SKIPPING `promtool check metrics` on /metrics. ***\n' +
      '*** Install it with `apt-get install -y prometheus` (Debian) to run this test.    ***\n',
  );
}

(promtool ? describe : describe.skip)('promtool check metrics', () => {
  it('passes on the exposition of every kind of result, with shard and process metrics', async () => {
    const metrics = createMetrics({ shard: '1/3' });
    metrics.setMonitorCount(4);
    for (const result of [
      checkResult(),
      checkResult({ contentLength: undefined, scheduleLagMs: 1500 }),
      refusedResult(),
      checkResult({ ok: false, status: 503, error: { code: 'UNEXPECTED_STATUS', message: 'status 503' } }),
      httpsResult(),
      refusedResult({ monitor: 'odd "name" \\ with\nnewline', url: 'http://u:secret@h/a b' }),
    ]) {
      metrics.observe(result);
    }
    const exposition = await metrics.registry.metrics();

    const { status, output } = promtoolCheck(promtool!, exposition);

    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('fails on what prom-client exposes by default (so the check above means something)', () => {
    const exposition = '# HELP nodejs_active_handles_total x\n# TYPE nodejs_active_handles_total gauge\nnodejs_active_handles_total 3\n';

    const { status, output } = promtoolCheck(promtool!, exposition);

    expect(status).not.toBe(0);
    expect(output).toContain('_total');
  });
});
