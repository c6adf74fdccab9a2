import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { AxiosHttpClient } from '../../src/http/axiosHttpClient.js';
import { generateCert } from '../support/certs.js';
import { startHttpServer, startHttpsServer, type TestServer } from '../support/httpServers.js';
import { makeSpec } from '../support/specs.js';

describe('AxiosHttpClient.warmUp', () => {
  let plain: TestServer;
  let secure: TestServer;
  let requests: string[];

  beforeEach(async () => {
    requests = [];
    const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      requests.push(req.url ?? '');
      res.end('ok');
    };
    plain = await startHttpServer(handler);
    secure = await startHttpsServer(await generateCert(), handler);
  });
  afterEach(async () => {
    await Promise.all([plain.close(), secure.close()]);
  });

  it('opens one connection per distinct origin (TLS handshake included) and sends no request to any', async () => {
    const client = new AxiosHttpClient();
    const specs = [
      makeSpec({ name: 'a', url: `${plain.url}/one` }),
      makeSpec({ name: 'b', url: `${plain.url}/two` }),
      makeSpec({ name: 'c', url: `https://localhost:${secure.port}/`, tls: { insecure: true } }),
    ];
    const report = await client.warmUp(specs);
    expect(report).toEqual({ durationMs: expect.any(Number), localRequests: 16, origins: 2, opened: 2, unreached: 0 });
    await Promise.all([plain.allClosed(), secure.allClosed()]);
    expect([plain.connections(), secure.connections(), requests]).toEqual([1, 1, []]);
  });

  it('counts an origin that refuses, or rejects its certificate, as unreached instead of failing', async () => {
    const refusing = createNetServer();
    const port = await new Promise<number>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve((refusing.address() as AddressInfo).port)));
    await new Promise((resolve) => refusing.close(resolve));
    const client = new AxiosHttpClient();
    const report = await client.warmUp([
      makeSpec({ name: 'refused', url: `http://127.0.0.1:${port}/` }),
      makeSpec({ name: 'self-signed', url: `${secure.url}/` }),
      makeSpec({ name: 'invalid', url: 'ftp://example.invalid/' }),
    ]);
    expect(report).toMatchObject({ origins: 2, opened: 0, unreached: 2 });
  });

  it('gives up on an origin that never answers when the budget is spent', async () => {
    const silent: Server = createNetServer((socket) => socket.on('error', () => undefined));
    const port = await new Promise<number>((resolve) => silent.listen(0, '127.0.0.1', () => resolve((silent.address() as AddressInfo).port)));
    try {
      const client = new AxiosHttpClient();
      const report = await client.warmUp([makeSpec({ url: `https://127.0.0.1:${port}/` })], { budgetMs: 300, localRequests: 0 });
      expect(report).toMatchObject({ localRequests: 0, origins: 1, opened: 0, unreached: 1 });
    } finally {
      silent.close();
    }
  });
});
