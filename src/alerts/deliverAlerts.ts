import { type Observable, type SchedulerLike, type Subscription, asyncScheduler } from 'rxjs';
import type { AlertSpec } from '../config/types.js';
import { type AlertDelivery, alertDeliveries } from './alertDeliveries.js';
import type { AlertEvent } from './alertEvents.js';
import { createAlertSender, sendOnce } from './alertSender.js';
import { type SendEmail, createEmailSender } from './emailSender.js';
import { alertHost, renderAlert } from './providers/index.js';
import type { PostWebhook } from './webhookPoster.js';

/** The logging {@link deliverAlerts} needs; a bunyan logger fits. */
export interface AlertLogger {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** Parameters of {@link deliverAlerts}. */
export interface DeliverAlertsParams {
  /** The alerts for this alert (from `alertEvents(alert)`). */
  events$: Observable<AlertEvent>;
  /** The alert's config: its `type` picks the provider that renders each alert. */
  alert: AlertSpec;
  /** The adapter that POSTs (`createWebhookPoster()`). */
  post: PostWebhook;
  /** The adapter that sends e-mail (`type: email`). Default `createEmailSender()`. */
  sendEmail?: SendEmail;
  logger: AlertLogger;
  /** Hides secrets in failure reasons (the daemon's `secrets.mask`). Default: as is. */
  mask?: (text: string) => string;
  /** Told what became of each alert, to count it (`metrics.recordAlertDelivery`). */
  recordDelivery?: (delivery: AlertDelivery) => void;
  /** Where backoff waits and deadlines run. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
  /** Alerts that may wait while one is delivered; beyond that the oldest waiting is dropped. Default 100. */
  queueSize?: number;
  /** Retries after the first attempt. Default 5. */
  maxRetries?: number;
  /** First backoff wait, ms, doubled each retry. Default 1000. */
  baseDelayMs?: number;
  /** Deadline of each attempt, ms. Default 5000. */
  timeoutMs?: number;
}

/**
 * A sink: delivers one alert's events through its provider (`alert.type`: the provider renders,
 * the HTTP or SMTP adapter sends) in a stream of its own, and logs what became of each — `alert
 * sent` (info), `alert failed` (error), `alert dropped` (warn) — with the monitor, the state, the
 * alert's `name` and `type` and the provider's host (also as `webhook`, the field's older name);
 * never a URL path, token, key nor header value. Nothing is thrown: a failure of `events$` itself
 * is logged too. Delivery never blocks or delays the stream that feeds it, nor any other alert's
 * (see {@link alertDeliveries}); unsubscribing aborts the request in flight.
 *
 * @param params The alerts, the alert's config, the adapters, the logger, and queue and retry settings.
 * @returns The subscription; it ends when `events$` completes and the queue has drained.
 */
export function deliverAlerts({
  events$,
  alert,
  post,
  sendEmail,
  logger,
  mask = (text) => text,
  recordDelivery,
  scheduler = asyncScheduler,
  ...settings
}: DeliverAlertsParams): Subscription {
  const where: Where = { alert: alert.name, type: alert.type, host: alertHost(alert) };
  const send = createAlertSender({ post, sendEmail: sendEmail ?? createEmailSender() });
  return events$
    .pipe(alertDeliveries({ render: (event) => renderAlert(event, alert), send: (message) => sendOnce(send, message, alert), scheduler, ...settings }))
    .subscribe({
      next: (delivery) => {
        recordDelivery?.(delivery);
        logDelivery(logger, where, mask, delivery);
      },
      error: (error: unknown) =>
        logger.error({ ...where, webhook: where.host, reason: mask(error instanceof Error ? error.message : String(error)) }, 'alert delivery stopped'),
    });
}

/** How a log line names the alert. */
interface Where {
  alert: string;
  type: string;
  host: string;
}

function logDelivery(logger: AlertLogger, where: Where, mask: (text: string) => string, { event, outcome, attempts, status, error }: AlertDelivery): void {
  const fields = {
    monitor: event.monitor,
    state: event.state,
    reminder: event.reminder,
    ...where,
    webhook: where.host,
    attempts,
    ...(status === undefined ? {} : { status }),
    ...(error === undefined ? {} : { code: error.code, reason: mask(error.message) }),
  };
  if (outcome === 'delivered') logger.info(fields, 'alert sent');
  else if (outcome === 'dropped') logger.warn(fields, 'alert dropped');
  else logger.error(fields, 'alert failed');
}
