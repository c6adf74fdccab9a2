/**
 * Alert providers: one file per `alerts[].type`, each a pure `render(event, spec)` to the request
 * that provider documents (or an e-mail) and the host that is safe to log. Sending is the adapters'
 * job (`webhookPoster`, `emailSender`); this room imports nothing that does I/O.
 */
import type { AlertSpec, AlertType } from '../../config/types.js';
import type { AlertEvent } from '../alertEvents.js';
import type { AlertMessage, Provider } from './alertMessage.js';
import { discordProvider } from './discord.js';
import { emailProvider } from './email.js';
import { gotifyProvider } from './gotify.js';
import { ntfyProvider } from './ntfy.js';
import { opsgenieProvider } from './opsgenie.js';
import { pagerDutyProvider } from './pagerduty.js';
import { slackProvider } from './slack.js';
import { teamsProvider } from './teams.js';
import { telegramProvider } from './telegram.js';
import { webhookProvider } from './webhook.js';

export type { AlertMessage, EmailMessage, Provider } from './alertMessage.js';

/** The registry: each alert type's provider. */
export const PROVIDERS: { readonly [T in AlertType]: Provider<T> } = {
  webhook: webhookProvider,
  slack: slackProvider,
  discord: discordProvider,
  teams: teamsProvider,
  telegram: telegramProvider,
  pagerduty: pagerDutyProvider,
  opsgenie: opsgenieProvider,
  ntfy: ntfyProvider,
  gotify: gotifyProvider,
  email: emailProvider,
};

/**
 * Renders one alert for its provider.
 *
 * @param event The alert.
 * @param spec The alert's config; its `type` picks the provider.
 * @returns The request or e-mail to send.
 */
export function renderAlert(event: AlertEvent, spec: AlertSpec): AlertMessage {
  return (PROVIDERS[spec.type] as Provider<AlertType>).render(event, spec as never);
}

/**
 * Where an alert sends, for logs: `host[:port]`, never a path, token or key.
 *
 * @param spec The alert's config.
 * @returns The host.
 */
export function alertHost(spec: AlertSpec): string {
  return (PROVIDERS[spec.type] as Provider<AlertType>).host(spec as never);
}
