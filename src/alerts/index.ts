/** Alerts: deciding what to send (pure operators) and delivering it (the webhook sink). */
export { alertEvents, type AlertEvent } from './alertEvents.js';
export { renderAlertBody, ALERT_TEMPLATE_VARIABLES, type AlertTemplateVariable, type RenderedAlertBody } from './renderAlertBody.js';
export { alertDeliveries, type AlertDelivery, type AlertDeliveriesOptions } from './alertDeliveries.js';
export { sendWithRetry, isRetryable, type RetryPolicy, type SendResult } from './sendWithRetry.js';
export { deliverAlerts, type AlertLogger, type DeliverAlertsParams } from './deliverAlerts.js';
export {
  createWebhookPoster,
  postOnce,
  type DeliveryError,
  type PostOutcome,
  type PostWebhook,
  type WebhookPosterOptions,
  type WebhookRequest,
} from './webhookPoster.js';
export { webhookHost } from './webhookHost.js';
