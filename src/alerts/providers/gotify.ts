import { webhookHost } from '../webhookHost.js';
import { alertDetails, alertSummary } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/**
 * `type: gotify`: `POST <url>/message` with the application token in the `X-Gotify-Key` header
 * (never in the query string, where proxies log it) and JSON `{ title, message, priority }`
 * (`priority` 0–10, default 8), with `extras["client::display"].contentType: text/plain`.
 */
export const gotifyProvider: Provider<'gotify'> = {
  render(event, spec) {
    return jsonPost(
      `${spec.url.replace(/\/+$/, '')}/message`,
      {
        title: `${event.monitor} is ${event.reminder ? 'still ' : ''}${event.state.toUpperCase()}`,
        message: [alertSummary(event), ...alertDetails(event)].join('\n'),
        priority: spec.priority,
        extras: { 'client::display': { contentType: 'text/plain' } },
      },
      { 'X-Gotify-Key': spec.token },
    );
  },
  host: (spec) => webhookHost(spec.url),
};
