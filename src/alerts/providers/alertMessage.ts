import type { AlertSpec, AlertType } from '../../config/types.js';
import type { AlertEvent } from '../alertEvents.js';
import type { WebhookRequest } from '../webhookPoster.js';

/** One e-mail to send (what the `email` provider renders). */
export interface EmailMessage {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
}

/** What a provider renders for one alert: an HTTP POST, or an e-mail. */
export type AlertMessage = { kind: 'http'; request: WebhookRequest } | { kind: 'email'; email: EmailMessage };

/**
 * One alert provider: a pure function from an alert event and the alert's config to the request
 * that provider documents, and the part of its address that is safe to log.
 */
export interface Provider<T extends AlertType> {
  /**
   * @param event The alert.
   * @param spec The alert's config.
   * @returns The request (or e-mail) to send.
   */
  render(event: AlertEvent, spec: Extract<AlertSpec, { type: T }>): AlertMessage;
  /**
   * @param spec The alert's config.
   * @returns `host[:port]` of where it sends: never a URL path, token or key.
   */
  host(spec: Extract<AlertSpec, { type: T }>): string;
}

/**
 * A JSON POST.
 *
 * @param url Where to.
 * @param payload The body, to be JSON-encoded.
 * @param headers Extra headers.
 * @returns The message.
 */
export function jsonPost(url: string, payload: unknown, headers: Readonly<Record<string, string>> = {}): AlertMessage {
  return { kind: 'http', request: { url, headers, body: JSON.stringify(payload), contentType: 'application/json' } };
}
