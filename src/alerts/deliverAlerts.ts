import { type Observable, type SchedulerLike, type Subscription, asyncScheduler } from 'rxjs';
import type { AlertSpec } from '../config/types.js';
import { type AlertDelivery, alertDeliveries } from './alertDeliveries.js';
import type { AlertEvent } from './alertEvents.js';
import { type PostWebhook, postOnce } from './webhookPoster.js';
import { webhookHost } from './webhookHost.js';

/** The logging {@link deliverAlerts} needs; a bunyan logger fits. */
export interface AlertLogger {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** Parameters of {@link deliverAlerts}. */
export interface DeliverAlertsParams {
  /** The alerts for this webhook (from `alertEvents(alert)`). */
  events$: Observable<AlertEvent>;
  /** The webhook's config. */
  alert: AlertSpec;
  /** The adapter that POSTs (`createWebhookPoster()`). */
  post: PostWebhook;
  logger: AlertLogger;
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
 * A sink: delivers one webhook's alerts in a stream of its own and logs what became of each —
 * `alert sent` (info), `alert failed` (error), `alert dropped` (warn) — with the monitor, the state
 * and the webhook's host; never its URL (tokens) nor header values. Nothing is thrown: a failure of
 * `events$` itself is logged too. Delivery never blocks or delays the stream that feeds it (see
 * {@link alertDeliveries}); unsubscribing aborts the request in flight.
 *
 * @param params The alerts, the webhook, the poster, the logger, and queue and retry settings.
 * @returns The subscription; it ends when `events$` completes and the queue has drained.
 */
export function deliverAlerts({ events$, alert, post, logger, scheduler = asyncScheduler, ...settings }: DeliverAlertsParams): Subscription {
  const webhook = webhookHost(alert.webhook);
  return events$
    .pipe(alertDeliveries({ alert, send: (request) => postOnce(post, request), scheduler, ...settings }))
    .subscribe({
      next: (delivery) => logDelivery(logger, webhook, delivery),
      error: (error: unknown) =>
        logger.error({ webhook, reason: error instanceof Error ? error.message : String(error) }, 'alert delivery stopped'),
    });
}

function logDelivery(logger: AlertLogger, webhook: string, { event, outcome, attempts, status, error }: AlertDelivery): void {
  const fields = {
    monitor: event.monitor,
    state: event.state,
    reminder: event.reminder,
    webhook,
    attempts,
    ...(status === undefined ? {} : { status }),
    ...(error === undefined ? {} : { code: error.code, reason: error.message }),
  };
  if (outcome === 'delivered') logger.info(fields, 'alert sent');
  else if (outcome === 'dropped') logger.warn(fields, 'alert dropped');
  else logger.error(fields, 'alert failed');
}
