import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import type { HttpOutcome } from '../../src/http/httpClient.js';
import { generateCert, type PemPair } from '../support/certs.js';
import { startHttpsServer, startNetServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

const DAY_MS = 86_400_000;
const client = new AxiosHttpClient();

function request(spec: ResolvedMonitorSpec): Promise<HttpOutcome> {
  return client.request(spec, new AbortController().signal);
}

/** Writes a PEM to a fresh temporary file and returns its absolute path. */
function pemFile(pem: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rxmon-ca-')), 'ca.pem');
  writeFileSync(file, pem);
  return file;
}

describe('AxiosHttpClient over TLS', () => {
  let ca: PemPair;
  let caFile: string;
  let selfSigned: TestServer;
  let signed: TestServer;
  let otherName: TestServer;
  let expired: TestServer;
  const resumed: boolean[] = [];

  beforeAll(async () => {
    ca = await generateCert({ commonName: 'rxmon test CA', isCa: true, days: 10 });
    caFile = pemFile(ca.cert);
    const ok = (_req: unknown, res: import('node:http').ServerResponse) => res.end('secure');
    selfSigned = await startHttpsServer(await generateCert({ days: 30 }), ok);
    signed = await startHttpsServer(await generateCert({ issuer: ca, days: 5 }), (req, res) => {
      resumed.push((req.socket as TLSSocket).isSessionReused());
      res.end('signed');
    });
    otherName = await startHttpsServer(await generateCert({ issuer: ca, altNames: ['example.test'] }), ok);
    expired = await startHttpsServer(
      await generateCert({ issuer: ca, notBefore: new Date(Date.now() - 3 * DAY_MS), days: 1 }),
      ok,
    );
  });
  afterAll(async () => {
    await Promise.all([selfSigned, signed, otherName, expired].map((server) => server.close()));
  });

  it('rejects a self-signed certificate with DEPTH_ZERO_SELF_SIGNED_CERT', async () => {
    const outcome = await request(makeSpec({ url: `${selfSigned.url}/` }));
    expect(outcome.error).toEqual({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: `TLS: self-signed certificate (127.0.0.1:${selfSigned.port})` });
    expect(outcome.response).toBeUndefined();
    expect(outcome.timings.tlsMs).toBeGreaterThan(0);
  });

  it('accepts it with tls.insecure and reports days until it expires', async () => {
    const outcome = await request(makeSpec({ url: `${selfSigned.url}/`, tls: { insecure: true } }));
    expect(outcome.error).toBeUndefined();
    expect(outcome.response?.status).toBe(200);
    expect(outcome.certExpiresInDays).toBeGreaterThan(29.9);
    expect(outcome.certExpiresInDays).toBeLessThanOrEqual(30);
  });

  it('trusts a CA from tls.ca', async () => {
    const outcome = await request(makeSpec({ url: `${signed.url}/`, tls: { insecure: false, ca: caFile } }));
    expect(outcome.error).toBeUndefined();
    expect(outcome.response?.body.toString()).toBe('signed');
    expect(outcome.certExpiresInDays).toBeCloseTo(5, 1);
  });

  it('does not trust that CA without tls.ca', async () => {
    const outcome = await request(makeSpec({ url: `${signed.url}/` }));
    expect(outcome.error?.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('rejects a certificate for another name with ERR_TLS_CERT_ALTNAME_INVALID', async () => {
    const outcome = await request(makeSpec({ url: `${otherName.url}/`, tls: { insecure: false, ca: caFile } }));
    expect(outcome.error).toEqual({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: 'TLS certificate is not valid for 127.0.0.1' });
  });

  it('rejects an expired certificate with CERT_HAS_EXPIRED', async () => {
    const outcome = await request(makeSpec({ url: `${expired.url}/`, tls: { insecure: false, ca: caFile } }));
    expect(outcome.error?.code).toBe('CERT_HAS_EXPIRED');
  });

  it('with tls.insecure reports an expired certificate as negative days', async () => {
    const outcome = await request(makeSpec({ url: `${expired.url}/`, tls: { insecure: true } }));
    expect(outcome.error).toBeUndefined();
    expect(outcome.certExpiresInDays).toBeCloseTo(-2, 1);
  });

  it('does a full handshake on every check (no session reuse)', async () => {
    const spec = makeSpec({ url: `${signed.url}/`, tls: { insecure: false, ca: caFile } });
    resumed.length = 0;
    const outcomes = [await request(spec), await request(spec), await request(spec)];
    expect(resumed).toEqual([false, false, false]);
    for (const outcome of outcomes) expect(outcome.timings.tlsMs).toBeGreaterThan(0);
  });

  it('reads tls.ca once per spec', async () => {
    const file = pemFile(ca.cert);
    const spec = makeSpec({ url: `${signed.url}/`, tls: { insecure: false, ca: file } });
    expect((await request(spec)).error).toBeUndefined();
    rmSync(file);
    expect((await request(spec)).error).toBeUndefined();
    const fresh = await request(makeSpec({ url: `${signed.url}/`, tls: { insecure: false, ca: file } }));
    expect(fresh.error?.code).toBe('TLS_CA_UNREADABLE');
    expect(fresh.error?.message).toContain(`cannot read TLS CA file ${file}`);
  });

  describe('when the server closes during the handshake', () => {
    it('gives TLS_HANDSHAKE_CLOSED for a clean close', async () => {
      const raw = await startNetServer((socket) => socket.once('data', () => socket.destroy()));
      const outcome = await request(makeSpec({ url: `https://127.0.0.1:${raw.port}/` }));
      await raw.close();
      expect(outcome.error).toEqual({ code: 'TLS_HANDSHAKE_CLOSED', message: `TLS: 127.0.0.1:${raw.port} closed the connection during the handshake` });
      expect(outcome.timings.connectMs).toBeGreaterThan(0);
    });

    it('keeps ECONNRESET for a TCP reset', async () => {
      const raw = await startNetServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
      const outcome = await request(makeSpec({ url: `https://127.0.0.1:${raw.port}/` }));
      await raw.close();
      expect(outcome.error?.code).toBe('ECONNRESET');
    });
  });
});
