import 'reflect-metadata';
import type { SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { parseConfig } from '../../src/config/parseConfig.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { composeDaemon, createContainer } from '../../src/di/container.js';
import { TYPES } from '../../src/di/identifiers.js';
import { HeartbeatMonitor } from '../../src/heartbeat/heartbeatMonitor.js';
import type { Logger } from '../../src/logging/logger.js';
import { HttpMonitor } from '../../src/monitor/monitor.js';
import { memoryLogger } from '../support/memoryLogger.js';

const OLD_TOKEN = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const NEW_TOKEN = 'bbbbbbbbbbbbbbbbbbbbbbbb';

/** A config whose heartbeat monitor `backup` expects a ping every 4 ms, grace 2 ms (virtual frames). */
function configWith(token: string) {
  return parseConfig(
    `server: { port: 0 }\nmonitors:\n  backup:\n    heartbeat: { expect_every: 4ms, grace: 2ms, token: "${token}" }\n  web: { url: "http://127.0.0.1:9/" }\n`,
    'config.yml',
    {},
  );
}

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('heartbeat monitors in the composition root', () => {
  it('makes a HeartbeatMonitor for a heartbeat spec and an HttpMonitor for a url one', () => {
    const { dispatcher } = composeDaemon(createContainer(configWith(OLD_TOKEN)));
    expect(dispatcher.monitors.map((monitor) => [monitor.name, monitor.constructor])).toEqual([
      ['backup', HeartbeatMonitor],
      ['web', HttpMonitor],
    ]);
  });

  it('runs them in the dispatcher, pinged through the daemon`s one hub, across reloads that change and remove them', () => {
    const scheduler = newScheduler();
    const outcomes: string[] = [];
    scheduler.run(({ hot, expectObservable }) => {
      const config = configWith(OLD_TOKEN);
      const container = createContainer({ ...config, monitors: config.monitors.filter((spec) => spec.name === 'backup') });
      container.rebind<SchedulerLike>(TYPES.Scheduler).toConstantValue(scheduler);
      container.rebind<Logger>(TYPES.Logger).toConstantValue(memoryLogger().logger);
      const { dispatcher, pingHub } = composeDaemon(container);
      const changed = configWith(NEW_TOKEN).monitors.filter((spec) => spec.name === 'backup');
      const ping = (at: number, token: string) => scheduler.schedule(() => outcomes.push(pingHub.receive('backup', token, { kind: 'success', method: 'GET' })), at);
      ping(2, OLD_TOKEN);
      ping(11, OLD_TOKEN);
      ping(15, NEW_TOKEN);
      ping(18, NEW_TOKEN);

      // 10: the token changes: the monitor restarts, its first deadline counted from its last
      // result (the miss at 8), so due at 14, not 16. 17: it is removed.
      const reloads = hot<readonly ResolvedMonitorSpec[]>('----------c------r', { c: changed, r: [] });
      const shutdown = hot('                               --------------------s');
      const expected = '                                   --a-----b-----dc----|';
      const results$ = dispatcher.run(shutdown, reloads);
      expectObservable(results$).toBe(expected, {
        a: expect.objectContaining({ monitor: 'backup', ok: true, startedAt: new Date(2).toISOString() }),
        b: expect.objectContaining({ monitor: 'backup', ok: false, error: expect.objectContaining({ code: 'HEARTBEAT_MISSED' }), startedAt: new Date(8).toISOString() }),
        d: expect.objectContaining({ monitor: 'backup', ok: false, error: expect.objectContaining({ code: 'HEARTBEAT_MISSED' }), startedAt: new Date(14).toISOString() }),
        c: expect.objectContaining({ monitor: 'backup', ok: true, startedAt: new Date(15).toISOString() }),
      });
    });
    expect(outcomes).toEqual(['accepted', 'wrong_token', 'accepted', 'unknown_monitor']);
  });
});
