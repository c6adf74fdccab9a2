import type { ServerResponse } from 'node:http';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

const client = new AxiosHttpClient();
const CHUNK = Buffer.alloc(64 * 1024, 'z');

/** Writes 64 KiB chunks until the client goes away; counts what it wrote. */
function writeForever(res: ServerResponse, written: { bytes: number }): void {
  const pump = (): void => {
    while (!res.destroyed) {
      written.bytes += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

describe('AxiosHttpClient body limit', () => {
  let server: TestServer;
  const written = { bytes: 0 };

  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === '/endless') {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        writeForever(res, written);
      } else if (req.url === '/exact') {
        res.end(Buffer.alloc(1000, 'x'));
      } else {
        res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) });
        writeForever(res, written);
      }
    });
  });
  afterAll(() => server.close());

  it('stops an endless chunked body at max_body_bytes with BODY_TOO_LARGE, keeping at most the limit', async () => {
    written.bytes = 0;
    const started = performance.now();
    const outcome = await client.request(makeSpec({ url: `${server.url}/endless`, maxBodyBytes: 100_000 }), new AbortController().signal);
    const elapsed = performance.now() - started;
    expect(outcome.error).toEqual({ code: 'BODY_TOO_LARGE', message: 'body larger than 100000 bytes' });
    expect(outcome.response?.status).toBe(200);
    expect(outcome.response?.body.length).toBe(100_000);
    expect(outcome.bytes).toBeGreaterThan(100_000);
    expect(outcome.bytes).toBeLessThan(100_000 + 2 * CHUNK.length);
    expect(elapsed).toBeLessThan(5_000);
    await server.allClosed();
    // The server could only push what the socket buffers held: memory stayed bounded.
    expect(written.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('stops a body whose Content-Length is beyond the limit the same way', async () => {
    const outcome = await client.request(makeSpec({ url: `${server.url}/huge`, maxBodyBytes: 10_000 }), new AbortController().signal);
    expect(outcome.error?.code).toBe('BODY_TOO_LARGE');
    expect(outcome.response?.contentLength).toBe(50 * 1024 * 1024);
    expect(outcome.response?.body.length).toBe(10_000);
  });

  it('accepts a body of exactly max_body_bytes', async () => {
    const outcome = await client.request(makeSpec({ url: `${server.url}/exact`, maxBodyBytes: 1000 }), new AbortController().signal);
    expect(outcome.error).toBeUndefined();
    expect(outcome.bytes).toBe(1000);
  });
});
