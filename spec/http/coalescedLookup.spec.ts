import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { coalescedLookup } from '../../src/http/coalescedLookup.js';

type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };
type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A stand-in for `dns.lookup` that answers only when told to, recording each call. */
function heldLookup(): { lookup: LookupFunction; calls: Array<{ hostname: string; options: LookupOptions; answer: Callback }> } {
  const calls: Array<{ hostname: string; options: LookupOptions; answer: Callback }> = [];
  const lookup = ((hostname: string, options: LookupOptions, answer: Callback) => {
    calls.push({ hostname, options, answer });
  }) as LookupFunction;
  return { lookup, calls };
}

function ask(lookup: LookupFunction, hostname: string, options: LookupOptions = {}): Promise<Answer> {
  return new Promise((resolve) => lookup(hostname, options, (error, address, family) => resolve({ error, address, family })));
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
}

describe('coalescedLookup', () => {
  describe('when a lookup of the same name is still running', () => {
    it('joins it instead of starting another, and answers every caller', async () => {
      const system = heldLookup();
      const lookup = coalescedLookup(system.lookup);
      const answers = [ask(lookup, 'gone.invalid', { all: true }), ask(lookup, 'gone.invalid', { all: true }), ask(lookup, 'GONE.invalid', { all: true })];
      expect(system.calls).toHaveLength(1);
      system.calls[0]!.answer(notFound('gone.invalid'), '');
      const results = await Promise.all(answers);
      for (const { error } of results) expect(error).toMatchObject({ code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'gone.invalid' });
      expect(new Set(results.map((result) => result.error)).size).toBe(3);
    });

    it('gives each caller its own copy of the address list', async () => {
      const system = heldLookup();
      const lookup = coalescedLookup(system.lookup);
      const answers = [ask(lookup, 'db.lan', { all: true }), ask(lookup, 'db.lan', { all: true })];
      system.calls[0]!.answer(null, [{ address: '10.0.0.5', family: 4 }]);
      const [first, second] = await Promise.all(answers);
      expect(first!.address).toEqual([{ address: '10.0.0.5', family: 4 }]);
      expect(second!.address).toEqual(first!.address);
      expect(second!.address).not.toBe(first!.address);
    });
  });

  describe('when the question differs', () => {
    it.each<[string, LookupOptions, string, LookupOptions]>([
      ['another name', {}, 'other.lan', {}],
      ['another family', { family: 4 }, 'db.lan', { family: 6 }],
      ['all against one address', { all: true }, 'db.lan', {}],
    ])('starts its own lookup for %s', (_case, options, otherName, otherOptions) => {
      const system = heldLookup();
      const lookup = coalescedLookup(system.lookup);
      lookup('db.lan', options, () => undefined);
      lookup(otherName, otherOptions, () => undefined);
      expect(system.calls.map((call) => call.hostname)).toEqual(['db.lan', otherName]);
    });
  });

  describe('when the running lookup has answered', () => {
    it('starts a fresh one for the next caller (answers are not cached)', async () => {
      const system = heldLookup();
      const lookup = coalescedLookup(system.lookup);
      const first = ask(lookup, 'db.lan', { family: 4 });
      system.calls[0]!.answer(null, '10.0.0.5', 4);
      await expect(first).resolves.toEqual({ error: null, address: '10.0.0.5', family: 4 });
      const second = ask(lookup, 'db.lan', { family: 4 });
      expect(system.calls).toHaveLength(2);
      system.calls[1]!.answer(null, '10.0.0.6', 4);
      await expect(second).resolves.toEqual({ error: null, address: '10.0.0.6', family: 4 });
    });
  });
});
