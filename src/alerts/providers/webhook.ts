import { renderAlertBody } from '../renderAlertBody.js';
import { webhookHost } from '../webhookHost.js';
import type { Provider } from './alertMessage.js';

/**
 * `type: webhook` (the default): POSTs the `body` template rendered ({@link renderAlertBody}; without
 * one, Slack-compatible `{"text": …}`) with the configured `headers` to `webhook`.
 */
export const webhookProvider: Provider<'webhook'> = {
  render(event, spec) {
    const { body, contentType } = renderAlertBody(event, spec.body);
    return { kind: 'http', request: { url: spec.webhook, headers: spec.headers, body, contentType } };
  },
  host: (spec) => webhookHost(spec.webhook),
};
