/**
 * Case 4, start-up: a 10,000-monitor config; time from spawning the daemon to the first check
 * arriving at the target, and the RSS then (and once the first interval is under way).
 */
import { uniformMonitors, writeConfig } from '../configs.mjs';
import { assertRunning, startDaemon } from '../daemon.mjs';
import { memory } from '../procStats.mjs';
import { exited, sleep } from '../processes.mjs';

/** The case's fixed parameters. */
export const STARTUP = { monitors: 10_000, checkEvery: 10, laterMs: 3_000 };

/**
 * Runs the case.
 *
 * @param {object} ctx The run context (dir, target, log).
 * @returns {Promise<{ firstCheckMs: number, rssAtFirstCheckMb: number, rssLaterMb: number, startingUpMs?: number }>}
 */
export async function runStartup(ctx) {
  const { dir, target, log } = ctx;
  log(`start-up: ${STARTUP.monitors} monitors every ${STARTUP.checkEvery} s`);
  const configFile = writeConfig(dir, 'startup.yml', {
    level: 'info',
    defaults: { timeout: 5, check_every: STARTUP.checkEvery },
    monitors: uniformMonitors({ count: STARTUP.monitors, url: (name) => target.url(`/m/${name}`) }),
  });
  await target.reset({ notifyFirst: true });
  let startingUpAt;
  const first = target.firstArrival(60_000);
  const daemon = startDaemon({
    configFile,
    onLine(line) {
      if (startingUpAt === undefined && line.includes('Starting up')) startingUpAt = performance.timeOrigin + performance.now();
    },
  });
  try {
    const exit = new Promise((_, reject) => daemon.child.once('exit', () => reject(new Error(`rxmon exited early:\n${daemon.stderrTail()}`))));
    exit.catch(() => undefined);
    const { t } = await Promise.race([first, exit]);
    const atFirst = memory(daemon.pid);
    await sleep(STARTUP.laterMs);
    assertRunning(daemon);
    const later = memory(daemon.pid);
    await daemon.stop();
    const result = {
      firstCheckMs: t - daemon.spawnedAt,
      startingUpMs: startingUpAt === undefined ? undefined : startingUpAt - daemon.spawnedAt,
      rssAtFirstCheckMb: atFirst.rssMb,
      rssLaterMb: later.rssMb,
    };
    log(`  first check after ${result.firstCheckMs.toFixed(0)} ms ("Starting up" after ${result.startingUpMs?.toFixed(0)} ms); RSS ${atFirst.rssMb.toFixed(0)} MB then, ${later.rssMb.toFixed(0)} MB ${STARTUP.laterMs / 1000} s later`);
    return result;
  } finally {
    first.catch(() => undefined);
    if (!exited(daemon.child)) await daemon.stop();
  }
}
