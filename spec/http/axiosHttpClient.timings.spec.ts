import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { PhaseTimings } from '../../src/check/checkResult.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import type { HttpOutcome } from '../../src/http/httpClient.js';
import { generateCert } from '../support/certs.js';
import { startHttpServer, startHttpsServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

const run = promisify(execFile);
const client = new AxiosHttpClient();

function request(overrides: Partial<ResolvedMonitorSpec>): Promise<HttpOutcome> {
  return client.request(makeSpec(overrides), new AbortController().signal);
}

function sum(timings: PhaseTimings): number {
  return timings.dnsMs + timings.connectMs + timings.tlsMs + timings.firstByteMs + timings.transferMs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function hasCurl(): boolean {
  try {
    execFileSync('which', ['curl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `/delay/<ms>`: waits, then answers; `/slow-body`: headers and part of the body, 100 ms later the rest. */
function handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  const delay = /^\/delay\/(\d+)/.exec(req.url ?? '');
  if (delay !== null) {
    setTimeout(() => res.end('delayed'), Number(delay[1]));
  } else if (req.url === '/slow-body') {
    res.writeHead(200, { 'Content-Length': '10' });
    res.write('12345');
    setTimeout(() => res.end('67890'), 100);
  } else {
    res.end('ok');
  }
}

describe('AxiosHttpClient phase timings', () => {
  let server: TestServer;
  let tls: TestServer;

  beforeAll(async () => {
    server = await startHttpServer(handler);
    tls = await startHttpsServer(await generateCert(), handler);
  });
  afterAll(async () => {
    await Promise.all([server.close(), tls.close()]);
  });

  it('has no DNS phase for an IP literal', async () => {
    const outcome = await request({ url: `${server.url}/` });
    expect(outcome.timings.dnsMs).toBe(0);
    expect(outcome.timings.connectMs).toBeGreaterThan(0);
  });

  it('has a DNS phase for localhost', async () => {
    const outcome = await request({ url: `http://localhost:${server.port}/`, ipFamily: 'ipv4' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.timings.dnsMs).toBeGreaterThan(0);
  });

  it('has a TLS phase for https only', async () => {
    const plain = await request({ url: `${server.url}/` });
    const secure = await request({ url: `${tls.url}/`, tls: { insecure: true } });
    expect(plain.timings.tlsMs).toBe(0);
    expect(secure.error).toBeUndefined();
    expect(secure.timings.tlsMs).toBeGreaterThan(0);
  });

  it('puts the server delay in firstByteMs', async () => {
    const outcome = await request({ url: `${server.url}/delay/200` });
    expect(outcome.timings.firstByteMs).toBeGreaterThanOrEqual(195);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(outcome.timings.firstByteMs);
  });

  it('puts a slow body in transferMs', async () => {
    const outcome = await request({ url: `${tls.url}/slow-body`, tls: { insecure: true } });
    expect(outcome.bytes).toBe(10);
    expect(outcome.timings.transferMs).toBeGreaterThanOrEqual(95);
    expect(outcome.timings.firstByteMs).toBeLessThan(outcome.timings.transferMs);
  });

  it.each(['http', 'https'])('adds the phases up to durationMs over %s', async (scheme) => {
    const base = scheme === 'https' ? `https://localhost:${tls.port}` : `http://localhost:${server.port}`;
    const outcome = await request({ url: `${base}/delay/20`, tls: { insecure: true } });
    expect(outcome.error).toBeUndefined();
    expect(Math.abs(sum(outcome.timings) - outcome.durationMs)).toBeLessThanOrEqual(2);
  });

  it('agrees with curl on the same URL (median over 15 runs)', async () => {
    if (!hasCurl()) {
      console.warn('curl not found: skipping the comparison of durationMs with curl time_total');
      return;
    }
    const delayMs = 50;
    const url = `${server.url}/delay/${delayMs}`;
    const ours: HttpOutcome[] = [];
    const curls: number[][] = [];
    await request({ url }); // warm up the JIT
    for (let i = 0; i < 15; i++) {
      ours.push(await request({ url }));
      const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}', url]);
      curls.push(stdout.trim().split(' ').map((seconds) => Number(seconds) * 1000));
    }
    const oursDuration = median(ours.map((o) => o.durationMs));
    const oursFirstByte = median(ours.map((o) => o.timings.firstByteMs));
    const curlTotal = median(curls.map((c) => c[4] as number));
    const curlFirstByte = median(curls.map((c) => (c[3] as number) - Math.max(c[1] as number, c[2] as number)));
    if (process.env.RXMON_REPORT_ACCURACY === '1') {
      console.info(
        `D=${delayMs} ms; median durationMs ${oursDuration.toFixed(3)} vs curl time_total ${curlTotal.toFixed(3)} ` +
          `(diff ${(oursDuration - curlTotal).toFixed(3)}); median firstByteMs ${oursFirstByte.toFixed(3)} ` +
          `(minus D ${(oursFirstByte - delayMs).toFixed(3)}); curl first byte ${curlFirstByte.toFixed(3)}; ` +
          `median connectMs ${median(ours.map((o) => o.timings.connectMs)).toFixed(3)} vs curl ${median(curls.map((c) => (c[1] as number) - (c[0] as number))).toFixed(3)}; ` +
          `median transferMs ${median(ours.map((o) => o.timings.transferMs)).toFixed(3)} vs curl ${median(curls.map((c) => (c[4] as number) - (c[3] as number))).toFixed(3)}`,
      );
    }
    for (const outcome of ours) expect(outcome.error).toBeUndefined();
    expect(Math.abs(oursDuration - curlTotal)).toBeLessThanOrEqual(25);
    expect(oursFirstByte).toBeGreaterThanOrEqual(delayMs - 1);
    expect(Math.abs(oursFirstByte - curlFirstByte)).toBeLessThanOrEqual(25);
  });
});
