import type { ClientRequest, IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { HOP_MARKS, type HopMarks, type WithHopMarks } from '../../src/http/hopMarks.js';
import { TimedHttpAgent, stampingLookup } from '../../src/http/timedAgents.js';
import { timingTransport } from '../../src/http/timingTransport.js';
import { startHttpServer, type TestServer } from '../support/httpServers.js';

/** One GET through `agent` to `host`, answered by the test server; resolves with the request once the response ended. */
function get(agent: TimedHttpAgent, host: string, port: number, onRequest: (req: ClientRequest) => void): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = timingTransport.request({ host, port, path: '/', agent }, (res: IncomingMessage) => {
      res.resume();
      res.once('end', () => resolve(req));
    });
    req.once('error', reject);
    onRequest(req);
    req.end();
  });
}

describe('stampingLookup', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startHttpServer((_req, res) => res.end('ok'));
  });
  afterAll(() => server.close());

  it("starts a name's lookup only once the request has its socket (Node's set-up is not counted as DNS)", async () => {
    let socketAssigned = false;
    const seenAtLookup: boolean[] = [];
    const lookup = ((_hostname, options, callback) => {
      seenAtLookup.push(socketAssigned);
      const answer = callback as (error: null, address: unknown, family?: number) => void;
      process.nextTick(() => (options.all === true ? answer(null, [{ address: '127.0.0.1', family: 4 }]) : answer(null, '127.0.0.1', 4)));
    }) as LookupFunction;
    const agent = new TimedHttpAgent({ keepAlive: false, lookup: stampingLookup(lookup), family: 4 });

    const req = await get(agent, 'rxmon-test.invalid', server.port, (request) => request.once('socket', () => (socketAssigned = true)));

    expect(seenAtLookup).toEqual([true]);
    const marks = (req as WithHopMarks)[HOP_MARKS] as HopMarks;
    // The clock starts at the lookup's start, after the request was handed to the transport, and DNS ends after it.
    expect(marks.startAt).toBeGreaterThan(marks.sentAt);
    expect(marks.lookupAt).toBeGreaterThanOrEqual(marks.startAt);
    agent.destroy();
  });
});
