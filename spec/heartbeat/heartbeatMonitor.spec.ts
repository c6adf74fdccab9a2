import { TestScheduler } from 'rxjs/testing';
import { HeartbeatMonitor } from '../../src/heartbeat/heartbeatMonitor.js';
import { PingHub } from '../../src/heartbeat/pingHub.js';
import { TOKEN, heartbeatSpec, missedAt, okAt } from './fixtures.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('HeartbeatMonitor', () => {
  it('turns the pings the hub accepts into results, and listens only while subscribed', () => {
    const scheduler = newScheduler();
    const hub = new PingHub();
    const outcomes: string[] = [];
    scheduler.run(({ expectObservable }) => {
      const monitor = new HeartbeatMonitor(heartbeatSpec(4, 2), { hub, scheduler });
      scheduler.schedule(() => outcomes.push(hub.receive('backup', TOKEN, { kind: 'success', method: 'POST' })), 2);
      scheduler.schedule(() => outcomes.push(hub.receive('backup', TOKEN, { kind: 'success', method: 'GET' })), 12);
      expectObservable(monitor.results$, '^---------!').toBe('--a-----b-', { a: okAt(2, 0, 'POST'), b: missedAt(8, 4, 2) });
    });
    expect(outcomes).toEqual(['accepted', 'unknown_monitor']);
  });

  it('counts its first deadline from the last result the hub knows (stored, or of its previous spec)', () => {
    const scheduler = newScheduler();
    const hub = new PingHub();
    hub.resume([{ monitor: 'backup', lastAt: new Date(-5).toISOString() }]);
    scheduler.run(({ expectObservable }) => {
      const monitor = new HeartbeatMonitor(heartbeatSpec(4, 2), { hub, scheduler });
      expectObservable(monitor.results$, '^------!').toBe('-a---b-', { a: missedAt(1, 4, 2), b: missedAt(5, 4, 2) });
    });
    expect(hub.lastResultAt('backup')).toBe(5);
  });

  it('has nothing to run once (--once skips it)', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const monitor = new HeartbeatMonitor(heartbeatSpec(4, 2), { hub: new PingHub(), scheduler });
      expectObservable(monitor.check$).toBe('|');
    });
  });
});
