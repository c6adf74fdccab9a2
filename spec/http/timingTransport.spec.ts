import type { ClientRequest, IncomingMessage } from 'node:http';
import { HOP_MARKS, type HopMarks, type WithHopMarks } from '../../src/http/hopMarks.js';
import { TimedHttpsAgent } from '../../src/http/timedAgents.js';
import { timingTransport } from '../../src/http/timingTransport.js';
import { generateCert } from '../support/certs.js';
import { startHttpsServer, type TestServer } from '../support/httpServers.js';

describe('timingTransport over https', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startHttpsServer(await generateCert({ altNames: ['127.0.0.1'] }), (_req, res) => res.end('ok'));
  });
  afterAll(() => server.close());

  it("takes only the mark in secureConnect (Node sends the request after that event's listeners) and still reads the certificate before the response", async () => {
    const agent = new TimedHttpsAgent({ keepAlive: false, maxCachedSessions: 0, rejectUnauthorized: false });
    const atSecureConnect: { secureAt: number; certValidTo: number }[] = [];
    let certValidToAtResponse = 0;
    const req = await new Promise<ClientRequest>((resolve, reject) => {
      const request = timingTransport.request({ protocol: 'https:', host: '127.0.0.1', port: server.port, path: '/', agent }, (res: IncomingMessage) => {
        certValidToAtResponse = ((request as WithHopMarks)[HOP_MARKS] as HopMarks).certValidTo;
        res.resume();
        res.once('end', () => resolve(request));
      });
      request.once('socket', (socket) => {
        // Appended: runs right after the transport's own (prepended) listener.
        socket.once('secureConnect', () => {
          const marks = (socket as WithHopMarks)[HOP_MARKS] as HopMarks;
          atSecureConnect.push({ secureAt: marks.secureAt, certValidTo: marks.certValidTo });
        });
      });
      request.once('error', reject);
      request.end();
    });
    const marks = (req as WithHopMarks)[HOP_MARKS] as HopMarks;

    expect(atSecureConnect).toEqual([{ secureAt: marks.secureAt, certValidTo: 0 }]);
    expect(marks.secureAt).toBeGreaterThan(0);
    // generateCert's certificate is valid for a while yet: its expiry is known when the response comes.
    expect(certValidToAtResponse).toBeGreaterThan(Date.now());
    expect(marks.certValidTo).toBe(certValidToAtResponse);
    agent.destroy();
  });
});
