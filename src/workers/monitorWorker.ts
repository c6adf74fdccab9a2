/**
 * The entry of a monitor worker thread (`new Worker(…/monitorWorker.js)`): its own container —
 * config, HTTP client, scheduler, monitor factory — with `max_concurrent_checks` counted in the
 * memory it shares with the other threads. It runs the monitors the main thread sends it and posts
 * their results back in batches. See `WorkerPool`.
 */
import 'reflect-metadata';
import { Container } from 'inversify';
import { parentPort, workerData } from 'node:worker_threads';
import { TYPES } from '../di/identifiers.js';
import { configModule } from '../di/modules/configModule.js';
import { heartbeatModule } from '../di/modules/heartbeatModule.js';
import { httpModule } from '../di/modules/httpModule.js';
import { monitorsModule } from '../di/modules/monitorsModule.js';
import { schedulerModule } from '../di/modules/schedulerModule.js';
import type { HttpClient } from '../http/httpClient.js';
import type { CheckLimiter } from '../monitor/checkGate.js';
import type { MonitorFactory } from '../monitor/monitor.js';
import { runMonitorsInWorker } from './runMonitorsInWorker.js';
import { chunkedInbox } from './chunkedInbox.js';
import { SharedCheckGate } from './sharedCheckGate.js';
import type { MonitorWorkerData, ToWorker } from './workerProtocol.js';

/** Messages of the main thread handled per event-loop turn (a start subscribes a monitor: ~40 µs). */
const START_MESSAGES_PER_TURN = 1_000;

if (!parentPort) throw new Error('monitorWorker.js runs as a worker thread (new Worker), not on its own');
const port = parentPort;
const data = workerData as MonitorWorkerData;

const container = new Container();
// No pools within a worker: it runs what it is sent.
container.load(configModule({ ...data.config, workers: 0 }), httpModule, schedulerModule, heartbeatModule, monitorsModule([]));
container.rebind<CheckLimiter>(TYPES.CheckGate).toConstantValue(new SharedCheckGate(data.gate, data.config.maxConcurrentChecks));

// Warm this thread's HTTP path up first (its own modules, JIT, sockets), as the main thread does
// without workers: the first checks measure their targets. Messages wait for it, in order.
const client = container.get<HttpClient>(TYPES.HttpClient);
const ready: Promise<unknown> = client.warmUp ? client.warmUp(data.warmUp).catch(() => undefined) : Promise.resolve();

const runs = runMonitorsInWorker({
  monitorFactory: container.get<MonitorFactory>(TYPES.MonitorFactory),
  port,
  batchMs: data.batchMs,
  batchSize: data.batchSize,
});
// The main thread posts its messages in batches (see WorkerPool), in order; a large one is handled
// over several turns, so that the checks it starts get their I/O in between.
const receive = chunkedInbox<ToWorker>((message) => runs.handle(message), START_MESSAGES_PER_TURN);
port.on('message', (messages: ToWorker[]) => void ready.then(() => receive(messages)));
