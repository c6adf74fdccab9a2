import * as realCrypto from 'node:crypto';
import { jest } from '@jest/globals';
import type { Ping } from '../../src/heartbeat/ping.js';

// The real timingSafeEqual, recorded: the hub must compare digests of equal length whatever was sent.
const compared: Array<[number, number]> = [];
jest.unstable_mockModule('node:crypto', () => ({
  ...realCrypto,
  timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    compared.push([a.byteLength, b.byteLength]);
    return realCrypto.timingSafeEqual(a, b);
  },
}));
const { PingHub } = await import('../../src/heartbeat/pingHub.js');

const TOKEN = 'feedc0defeedc0defeedc0de';
const ok: Ping = { kind: 'success', method: 'GET' };

describe('PingHub', () => {
  beforeEach(() => {
    compared.length = 0;
  });

  describe('while a monitor listens', () => {
    it('hands it the pings that carry its token', () => {
      const hub = new PingHub();
      const seen: Ping[] = [];
      const listening = hub.pings$('backup', TOKEN).subscribe((ping) => seen.push(ping));
      expect(hub.receive('backup', TOKEN, ok)).toBe('accepted');
      expect(hub.receive('backup', TOKEN, { kind: 'fail', method: 'POST' })).toBe('accepted');
      listening.unsubscribe();
      expect(seen).toEqual([ok, { kind: 'fail', method: 'POST' }]);
    });

    it.each([
      { name: 'a wrong token of the same length', token: TOKEN.replace(/.$/, 'f') },
      { name: 'a short wrong token', token: 'x' },
      { name: 'a long wrong token', token: TOKEN.repeat(40) },
    ])('refuses $name, comparing 32-byte digests in constant time', ({ token }) => {
      const hub = new PingHub();
      const seen: Ping[] = [];
      const listening = hub.pings$('backup', TOKEN).subscribe((ping) => seen.push(ping));
      expect(hub.receive('backup', token, ok)).toBe('wrong_token');
      listening.unsubscribe();
      expect(seen).toEqual([]);
      expect(compared).toEqual([[32, 32]]);
    });
  });

  describe('when no monitor listens under the name', () => {
    it('refuses the ping as unknown, after the same digest comparison', () => {
      const hub = new PingHub();
      expect(hub.receive('nobody', TOKEN, ok)).toBe('unknown_monitor');
      expect(compared).toEqual([[32, 32]]);
    });

    it('refuses pings once the monitor stopped listening (removed on reload)', () => {
      const hub = new PingHub();
      hub.pings$('backup', TOKEN).subscribe().unsubscribe();
      expect(hub.receive('backup', TOKEN, ok)).toBe('unknown_monitor');
    });
  });

  describe('when a changed monitor listens again (a reload with a new token)', () => {
    it('takes the new token only, and the old listener leaving does not remove the new one', () => {
      const hub = new PingHub();
      const seen: string[] = [];
      const before = hub.pings$('backup', TOKEN).subscribe(() => seen.push('old'));
      const after = hub.pings$('backup', `${TOKEN}2`).subscribe(() => seen.push('new'));
      before.unsubscribe();
      expect(hub.receive('backup', TOKEN, ok)).toBe('wrong_token');
      expect(hub.receive('backup', `${TOKEN}2`, ok)).toBe('accepted');
      after.unsubscribe();
      expect(seen).toEqual(['new']);
    });
  });

  describe('last results', () => {
    it('resumes them from stored tracks and keeps the later of a stored and a noted time', () => {
      const hub = new PingHub();
      hub.noteResult('web', Date.parse('2026-01-01T00:10:00Z'));
      hub.resume([
        { monitor: 'backup', lastAt: '2026-01-01T00:05:00.000Z' },
        { monitor: 'web', lastAt: '2026-01-01T00:01:00.000Z' },
        { monitor: 'broken', lastAt: 'not a date' },
      ]);
      expect(hub.lastResultAt('backup')).toBe(Date.parse('2026-01-01T00:05:00Z'));
      expect(hub.lastResultAt('web')).toBe(Date.parse('2026-01-01T00:10:00Z'));
      expect(hub.lastResultAt('broken')).toBeUndefined();
      expect(hub.lastResultAt('nobody')).toBeUndefined();
    });
  });
});
