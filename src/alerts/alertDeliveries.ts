import { type Observable, type OperatorFunction, type SchedulerLike, asyncScheduler, map } from 'rxjs';
import type { WebhookAlertSpec } from '../config/types.js';
import type { AlertEvent } from './alertEvents.js';
import { boundedConcatMap } from './boundedConcatMap.js';
import { renderAlertBody } from './renderAlertBody.js';
import { sendWithRetry } from './sendWithRetry.js';
import type { DeliveryError, PostOutcome, WebhookRequest } from './webhookPoster.js';

/** What became of one alert. */
export interface AlertDelivery {
  event: AlertEvent;
  /** `delivered` (a 2xx), `failed` (retries exhausted or not worth retrying), `dropped` (queue full). */
  outcome: 'delivered' | 'failed' | 'dropped';
  /** POST attempts made; 0 when dropped. */
  attempts: number;
  /** The last HTTP status, when one arrived. */
  status?: number;
  /** Why it failed or was dropped. */
  error?: DeliveryError;
}

/** Options of {@link alertDeliveries}; `R` is what one attempt sends (a webhook request by default). */
export interface AlertDeliveriesOptions<R = WebhookRequest> {
  /** The webhook: URL, headers, body template. Used when `render` is absent. */
  alert?: Pick<WebhookAlertSpec, 'webhook' | 'headers' | 'body'>;
  /** Renders one alert into what `send` takes (a provider's `render`). Default: the webhook's templated body. */
  render?: (event: AlertEvent) => R;
  /** Makes one attempt: a cold Observable of one outcome that aborts on unsubscribe (`postOnce`, `sendOnce`). */
  send: (request: R) => Observable<PostOutcome>;
  /** Where backoff waits and deadlines run. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
  /** Alerts that may wait while one is being delivered. Default 100. */
  queueSize?: number;
  /** Retries after the first attempt. Default 5. */
  maxRetries?: number;
  /** First backoff wait, ms, doubled each retry. Default 1000. */
  baseDelayMs?: number;
  /** Deadline of each attempt, ms. Default 5000. */
  timeoutMs?: number;
}

/**
 * Delivers alerts to one webhook (or, with `render`, any provider) and reports what became of each, as values.
 *
 * One delivery at a time, in order, over a bounded queue: when more than `queueSize` alerts are
 * waiting, the oldest waiting one is dropped (reported as `dropped` at once) — under a burst the
 * freshest news wins, and a monitor's `up` is never dropped in favour of its older `down`. Each
 * delivery renders the body, then POSTs with a per-attempt deadline and exponential backoff
 * ({@link sendWithRetry}). Taking an alert never waits, so the stream feeding it is never slowed.
 *
 * ```
 * events:           -a-------|
 * send:             cold('--(f|)') then cold('--(o|)')   (f: 503, o: 200; baseDelayMs 3)
 * alertDeliveries:  --------D|   (D: delivered after 2 attempts: tries at 1 and 6)
 * ```
 *
 * @param options The webhook, the sender, and the queue and retry settings.
 * @returns An operator from alert events to delivery reports.
 */
export function alertDeliveries<R = WebhookRequest>({
  alert,
  render,
  send,
  scheduler = asyncScheduler,
  queueSize = 100,
  maxRetries = 5,
  baseDelayMs = 1000,
  timeoutMs = 5000,
}: AlertDeliveriesOptions<R>): OperatorFunction<AlertEvent, AlertDelivery> {
  const toRequest =
    render ??
    ((event: AlertEvent): R => {
      if (alert === undefined) throw new TypeError('alertDeliveries needs `alert` or `render`');
      const { body, contentType } = renderAlertBody(event, alert.body);
      return { url: alert.webhook, headers: alert.headers, body, contentType } as R;
    });
  const deliver = (event: AlertEvent): Observable<AlertDelivery> => {
    const request = toRequest(event);
    return sendWithRetry(() => send(request), { maxRetries, baseDelayMs, timeoutMs, scheduler }).pipe(
      map(({ outcome, attempts }): AlertDelivery => ({
        event,
        outcome: outcome.ok ? 'delivered' : 'failed',
        attempts,
        ...(outcome.status === undefined ? {} : { status: outcome.status }),
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
      })),
    );
  };
  const dropped = (event: AlertEvent): AlertDelivery => ({
    event,
    outcome: 'dropped',
    attempts: 0,
    error: { code: 'QUEUE_FULL', message: `more than ${queueSize} alerts waiting` },
  });
  return boundedConcatMap(deliver, queueSize, dropped);
}
