import bunyan from 'bunyan';
import { Subject, type Subscription, interval, map, of, share, take, throwError } from 'rxjs';
import type { AlertEvent } from '../../src/alerts/alertEvents.js';
import { alertEvents } from '../../src/alerts/alertEvents.js';
import { type AlertLogger, deliverAlerts } from '../../src/alerts/deliverAlerts.js';
import { createWebhookPoster } from '../../src/alerts/webhookPoster.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import type { AlertSpec } from '../../src/config/types.js';
import { health } from '../../src/operators/health.js';
import { fakeResult } from '../operators/fakeResult.js';
import { type Receiver, downAddress, eventually, hangingReceiver, recordingReceiver } from './webhookReceivers.js';

interface LogRecord {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg: string;
}

function recordingLogger(): AlertLogger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const log = (level: LogRecord['level']) => (fields: object, msg: string) =>
    records.push({ level, fields: fields as Record<string, unknown>, msg });
  return { records, info: log('info'), warn: log('warn'), error: log('error') };
}

function downEvent(monitor = 'api'): AlertEvent {
  const result = fakeResult({ monitor, ok: false });
  return { monitor, state: 'down', reminder: false, since: result.startedAt, result };
}

function alertTo(webhook: string): AlertSpec {
  return { name: 'hook', type: 'webhook', webhook, headers: { Authorization: 'Bearer header-secret-value' }, sendOnResolved: true };
}

/** Resolves when the subscription has ended. */
function ended(subscription: Subscription): Promise<void> {
  return new Promise((resolve) => subscription.add(() => resolve()));
}

describe('deliverAlerts', () => {
  let receiver: Receiver | undefined;
  let subscription: Subscription | undefined;
  afterEach(async () => {
    subscription?.unsubscribe();
    await receiver?.close();
    receiver = undefined;
    subscription = undefined;
  });

  describe('to a receiver that records', () => {
    it('POSTs the rendered JSON body with the configured headers and logs it through bunyan', async () => {
      receiver = await recordingReceiver(200);
      const ring = new bunyan.RingBuffer({ limit: 10 });
      const logger: AlertLogger = bunyan.createLogger({ name: 'test', streams: [{ type: 'raw', stream: ring, level: 'trace' }] });
      const alert = { ...alertTo(`${receiver.base}/services/T0/B0/SECRETTOKEN`), body: '{"text": "{{monitor}} is {{state}}: {{error}}"}' };

      subscription = deliverAlerts({ events$: of(downEvent()), alert, post: createWebhookPoster(), logger });
      await ended(subscription);

      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      expect(request.url).toBe('/services/T0/B0/SECRETTOKEN');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers.authorization).toBe('Bearer header-secret-value');
      expect(JSON.parse(request.body)).toEqual({ text: 'api is DOWN: connect ECONNREFUSED 127.0.0.1:8080' });

      const host = new URL(receiver.base).host;
      expect(ring.records).toHaveLength(1);
      expect(ring.records[0]).toMatchObject({ level: bunyan.INFO, msg: 'alert sent', monitor: 'api', state: 'down', webhook: host, attempts: 1, status: 200 });
      expect(JSON.stringify(ring.records)).not.toMatch(/SECRETTOKEN|header-secret-value/);
    });
  });

  describe('to a receiver that is down', () => {
    it('retries, then logs the failure with the host only, and never throws', async () => {
      const base = await downAddress();
      const logger = recordingLogger();

      subscription = deliverAlerts({
        events$: of(downEvent()),
        alert: alertTo(`${base}/hook/SECRETTOKEN`),
        post: createWebhookPoster(),
        logger,
        maxRetries: 2,
        baseDelayMs: 20,
      });
      await ended(subscription);

      expect(logger.records).toEqual([
        {
          level: 'error',
          msg: 'alert failed',
          fields: expect.objectContaining({ monitor: 'api', state: 'down', webhook: new URL(base).host, attempts: 3, code: 'ECONNREFUSED' }),
        },
      ]);
      expect(JSON.stringify(logger.records)).not.toMatch(/SECRETTOKEN|header-secret-value/);
    });
  });

  describe('to a receiver that hangs', () => {
    it('times each attempt out, retries, and logs the failure', async () => {
      receiver = await hangingReceiver();
      const logger = recordingLogger();

      subscription = deliverAlerts({
        events$: of(downEvent()),
        alert: alertTo(`${receiver.base}/hook`),
        post: createWebhookPoster({ timeoutMs: 10_000 }),
        logger,
        timeoutMs: 300,
        maxRetries: 1,
        baseDelayMs: 20,
      });
      await ended(subscription);

      expect(receiver.requests).toHaveLength(2);
      expect(logger.records).toEqual([
        { level: 'error', msg: 'alert failed', fields: expect.objectContaining({ monitor: 'api', attempts: 2, code: 'TIMEOUT' }) },
      ]);
      const hanging = receiver;
      await eventually(() => hanging.closedSockets() === 2); // each timed-out attempt was aborted
    });

    it('never slows the checks: results keep their rate while alerts queue, drop and wait', async () => {
      receiver = await hangingReceiver();
      const hanging = receiver;
      const logger = recordingLogger();
      const periodMs = 20;
      const total = 40;
      // Alternating results: with thresholds of 1 every result is a state change, so an alert.
      const results$ = interval(periodMs).pipe(
        take(total),
        map((i): CheckResult => fakeResult({ ok: i % 2 === 1 })),
        share(),
      );
      const arrivals: number[] = [];
      const states$ = results$.pipe(health({ failureThreshold: 1, successThreshold: 1 }));

      subscription = deliverAlerts({
        events$: states$.pipe(alertEvents({ sendOnResolved: true })),
        alert: alertTo(`${hanging.base}/hook`),
        post: createWebhookPoster(),
        logger,
        queueSize: 5,
      });
      const checks = results$.subscribe({ next: () => arrivals.push(Date.now()) });
      await ended(checks);

      // Every result arrived, at its rate: no gap anywhere near the webhook's 5 s timeout.
      expect(arrivals).toHaveLength(total);
      const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
      expect(Math.max(...gaps)).toBeLessThan(1000);
      expect(arrivals[total - 1] - arrivals[0]).toBeLessThan(periodMs * total * 4);

      // Meanwhile: one request in flight, the queue full, the overflow dropped and logged.
      expect(hanging.requests).toHaveLength(1);
      const dropped = logger.records.filter((record) => record.msg === 'alert dropped');
      expect(dropped).toHaveLength(total - 1 - 5);
      expect(dropped[0]).toEqual({
        level: 'warn',
        msg: 'alert dropped',
        fields: expect.objectContaining({ monitor: 'api', webhook: new URL(hanging.base).host, attempts: 0, code: 'QUEUE_FULL' }),
      });

      // Shutting the sink down aborts the request in flight.
      subscription.unsubscribe();
      await eventually(() => hanging.closedSockets() === 1);
    });
  });

  it('logs a failing events$ instead of throwing', async () => {
    const logger = recordingLogger();
    subscription = deliverAlerts({
      events$: throwError(() => new Error('states broke')),
      alert: alertTo('http://127.0.0.1:9/hook'),
      post: () => Promise.resolve({ ok: true, status: 200 }),
      logger,
    });
    await ended(subscription);
    expect(logger.records).toEqual([{ level: 'error', msg: 'alert delivery stopped', fields: { alert: 'hook', type: 'webhook', host: '127.0.0.1:9', webhook: '127.0.0.1:9', reason: 'states broke' } }]);
  });

  it('delivers queued alerts in order, and taking them returns at once', async () => {
    receiver = await recordingReceiver(200);
    const logger = recordingLogger();
    const events$ = new Subject<AlertEvent>();
    subscription = deliverAlerts({ events$, alert: alertTo(`${receiver.base}/hook`), post: createWebhookPoster(), logger });

    for (const monitor of ['a', 'b', 'c']) events$.next(downEvent(monitor)); // returns at once
    events$.complete();
    await ended(subscription);

    expect(receiver.requests.map((request) => JSON.parse(request.body).text)).toEqual([
      'a is DOWN: connect ECONNREFUSED 127.0.0.1:8080',
      'b is DOWN: connect ECONNREFUSED 127.0.0.1:8080',
      'c is DOWN: connect ECONNREFUSED 127.0.0.1:8080',
    ]);
    expect(logger.records.map((record) => [record.msg, record.fields.monitor])).toEqual([
      ['alert sent', 'a'],
      ['alert sent', 'b'],
      ['alert sent', 'c'],
    ]);
  });
});
