import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { ensureBuilt, ROOT } from '../support/daemon.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';
import { runNode } from './runNode.js';

/** A server answering each request with the next status of `statuses` (the last one for ever). */
function statusSequence(...statuses: number[]): Promise<TestServer> {
  let served = 0;
  return startHttpServer((_req, res: ServerResponse) => {
    const status = statuses[Math.min(served++, statuses.length - 1)]!;
    res.writeHead(status).end(status === 200 ? 'ok' : 'down');
  });
}

/** Runs `examples/<name>` with node, as a user would (it imports the built package as 'rxmon'). */
function runExample(name: string, ...args: string[]) {
  return runNode([join(ROOT, 'examples', name), ...args], ROOT);
}

describe('the examples', () => {
  let server: TestServer | undefined;

  beforeAll(() => ensureBuilt(), 60_000);
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('customAlert.mjs alerts on stderr when the monitor goes down and says so on stdout when it is back', async () => {
    server = await statusSequence(503, 503, 200);
    const run = await runExample('customAlert.mjs', `${server.url}/health`);
    expect(run.stderr).toMatch(/^ALERT api is down since \d{4}-\d\d-\d\dT[\d:.]+Z: .*503.*\n$/);
    expect(run.stdout).toBe('api is up (HTTP 200)\n');
    expect(run.code).toBe(0);
  });

  it('availability.mjs prints the share of ok checks after every check', async () => {
    server = await statusSequence(200, 503, 200, 503);
    const run = await runExample('availability.mjs', `${server.url}/health`, '4');
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'api: 100.0% of 1 checks ok in the last hour',
      'api: 50.0% of 2 checks ok in the last hour',
      'api: 66.7% of 3 checks ok in the last hour',
      'api: 50.0% of 4 checks ok in the last hour',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('pipeline.test.mjs, a marble test of a pipeline of ours, passes under node:test', async () => {
    const run = await runNode(['--test', '--test-reporter=tap', join(ROOT, 'examples/pipeline.test.mjs')], ROOT);
    expect(run.stdout).toMatch(/^# pass 3$/m);
    expect(run.stdout).toMatch(/^# fail 0$/m);
    expect(run.code).toBe(0);
  });
});
