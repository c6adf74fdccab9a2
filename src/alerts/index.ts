/** Alerts: deciding what to send (pure operators), rendering it per provider (`providers/`), and delivering it (the sink and its HTTP and SMTP adapters). */
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
export { PROVIDERS, renderAlert, alertHost, type AlertMessage, type EmailMessage, type Provider } from './providers/index.js';
export { createAlertSender, sendOnce, type SendAlert } from './alertSender.js';
export { createEmailSender, type EmailSenderOptions, type SendEmail } from './emailSender.js';
export { alertHealth, type AlertHealthOptions } from './alertHealth.js';
export { sendsTo } from './alertSelection.js';
