import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo, LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNonBlockingLookup } from '../../src/http/nonBlockingLookup.js';

/**
 * A tiny DNS server on 127.0.0.1 for these tests: `web.test` has A 127.0.0.1 and no AAAA,
 * `missing.test` is NXDOMAIN, `slow.test` never gets an answer.
 */
async function startFakeDns(): Promise<{ server: string; queries: string[]; close(): void }> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (query, peer) => {
    let offset = 12;
    const labels: string[] = [];
    while ((query[offset] as number) > 0) {
      const length = query[offset] as number;
      labels.push(query.toString('latin1', offset + 1, offset + 1 + length));
      offset += length + 1;
    }
    const name = labels.join('.');
    const type = query.readUInt16BE(offset + 1);
    queries.push(`${name}/${type === 1 ? 'A' : type === 28 ? 'AAAA' : type}`);
    if (name === 'slow.test') return;
    const question = query.subarray(12, offset + 5);
    const answers = name === 'web.test' && type === 1 ? [Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1])] : [];
    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0);
    header.writeUInt16BE(name === 'missing.test' ? 0x8183 : 0x8180, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${(socket.address() as AddressInfo).port}`, queries, close: () => socket.close() };
}

type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function lookupWith(lookup: LookupFunction, hostname: string, options: LookupOptions = {}): Promise<Answer> {
  return new Promise((resolve) => lookup(hostname, options, (error, address, family) => resolve({ error, address, family })));
}

/** A stand-in for `dns.lookup` that records its calls and answers 10.9.8.7. */
function recordingSystemLookup(): { lookup: LookupFunction; calls: string[] } {
  const calls: string[] = [];
  const lookup = ((hostname: string, _options: LookupOptions, callback: (e: null, a: string, f: number) => void) => {
    calls.push(hostname);
    setImmediate(() => callback(null, '10.9.8.7', 4));
  }) as LookupFunction;
  return { lookup, calls };
}

describe('createNonBlockingLookup', () => {
  let fakeDns: Awaited<ReturnType<typeof startFakeDns>>;
  let resolver: dns.Resolver;
  let hostsFile: string;

  beforeAll(async () => {
    fakeDns = await startFakeDns();
    hostsFile = join(mkdtempSync(join(tmpdir(), 'rxmon-hosts-')), 'hosts');
    writeFileSync(hostsFile, '# comment\n127.0.0.1 localhost\n10.1.1.1 printer.lan printer # office\n');
  });
  afterAll(() => fakeDns.close());
  beforeEach(() => {
    resolver = new dns.Resolver({ timeout: 150, tries: 1 });
    resolver.setServers([fakeDns.server]);
    fakeDns.queries.length = 0;
  });

  describe('when the name is a DNS name', () => {
    it('answers from c-ares without the system lookup', async () => {
      const system = recordingSystemLookup();
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: system.lookup });
      await expect(lookupWith(lookup, 'web.test', { family: 4 })).resolves.toEqual({ error: null, address: '127.0.0.1', family: 4 });
      expect(fakeDns.queries).toEqual(['web.test/A']);
      expect(system.calls).toEqual([]);
    });

    it('asks for A and AAAA with family 0 and lists every address for `all` (happy eyeballs)', async () => {
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: recordingSystemLookup().lookup });
      const answer = await lookupWith(lookup, 'web.test', { all: true });
      expect(answer).toEqual({ error: null, address: [{ address: '127.0.0.1', family: 4 }], family: undefined });
      expect(fakeDns.queries.sort()).toEqual(['web.test/A', 'web.test/AAAA']);
    });

    it('falls back to the system lookup when DNS says the name does not exist', async () => {
      const system = recordingSystemLookup();
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: system.lookup });
      await expect(lookupWith(lookup, 'missing.test', { family: 4 })).resolves.toMatchObject({ address: '10.9.8.7' });
      expect(system.calls).toEqual(['missing.test']);
    });

    it('runs one system lookup at a time for a missing name, however many checks ask', async () => {
      const calls: Array<() => void> = [];
      const held = ((_hostname: string, _options: LookupOptions, callback: (e: NodeJS.ErrnoException) => void) => {
        calls.push(() => callback(Object.assign(new Error('getaddrinfo ENOTFOUND missing.test'), { code: 'ENOTFOUND' })));
      }) as LookupFunction;
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: held });
      const answers = Array.from({ length: 5 }, () => lookupWith(lookup, 'missing.test', { family: 4 }));
      while (fakeDns.queries.length < 5 || calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(calls).toHaveLength(1);
      calls[0]!();
      for (const answer of await Promise.all(answers)) expect(answer.error).toMatchObject({ code: 'ENOTFOUND' });
    });

    it('falls back to the system lookup when the family has no records', async () => {
      const system = recordingSystemLookup();
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: system.lookup });
      await lookupWith(lookup, 'web.test', { family: 6 });
      expect(fakeDns.queries).toEqual(['web.test/AAAA']);
      expect(system.calls).toEqual(['web.test']);
    });

    it('fails with EAI_AGAIN when DNS does not answer, without tying up the system lookup', async () => {
      const system = recordingSystemLookup();
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: system.lookup });
      const answer = await lookupWith(lookup, 'slow.test', { family: 4 });
      expect(answer.error).toMatchObject({ code: 'EAI_AGAIN', hostname: 'slow.test', message: 'DNS lookup of slow.test timed out' });
      expect(system.calls).toEqual([]);
    });
  });

  describe('when the answer needs no resolver', () => {
    it.each([
      ['localhost', {}, '127.0.0.1', 4],
      ['api.localhost', {}, '127.0.0.1', 4],
      ['api.localhost', { family: 6 }, '::1', 6],
      ['printer.lan', {}, '10.1.1.1', 4],
      ['PRINTER', { family: 4 }, '10.1.1.1', 4],
      ['127.0.0.1', {}, '127.0.0.1', 4],
      ['::1', {}, '::1', 6],
    ] as const)('answers %s %j in the process, without the system lookup or DNS', async (name, options, address, family) => {
      const system = recordingSystemLookup();
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: system.lookup });
      expect(await lookupWith(lookup, name, options)).toEqual({ error: null, address, family });
      expect(system.calls).toEqual([]);
      expect(fakeDns.queries).toEqual([]);
    });

    it('lists both loopback addresses of a *.localhost name for `all` (happy eyeballs)', async () => {
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: recordingSystemLookup().lookup });
      const answer = await lookupWith(lookup, 'app.localhost', { all: true });
      expect(answer.address).toEqual([
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ]);
    });

    it('answers on a later tick, as a lookup must', () => {
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: recordingSystemLookup().lookup });
      let answered = false;
      lookup('127.0.0.1', {}, () => (answered = true));
      expect(answered).toBe(false);
    });

    it('asks the system lookup when the hosts file has no address of the asked family', async () => {
      const system = recordingSystemLookup();
      const lookup = createNonBlockingLookup({ resolver, hostsFile, systemLookup: system.lookup });
      await lookupWith(lookup, 'printer.lan', { family: 6 });
      expect(system.calls).toEqual(['printer.lan']);
    });

    it('reads the hosts file again when it changes', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'rxmon-hosts-')), 'hosts');
      writeFileSync(file, '10.0.0.1 box.lan\n');
      const lookup = createNonBlockingLookup({ resolver, hostsFile: file, systemLookup: recordingSystemLookup().lookup });
      expect((await lookupWith(lookup, 'box.lan')).address).toBe('10.0.0.1');
      writeFileSync(file, '10.0.0.22 box.lan\n');
      expect((await lookupWith(lookup, 'box.lan')).address).toBe('10.0.0.22');
    });
  });
});
