import { webhookHost } from '../webhookHost.js';
import { alertDetails, alertSummary, clip } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/**
 * `type: telegram`: the Bot API's `sendMessage`. POSTs JSON `{ chat_id, text }` (plain text, no
 * `parse_mode`, so nothing in an error message is taken for markup; at most 4096 characters) to
 * `<api_url>/bot<bot_token>/sendMessage`. The token is in the path: only the host is ever logged.
 */
export const telegramProvider: Provider<'telegram'> = {
  render(event, spec) {
    const url = `${spec.apiUrl.replace(/\/+$/, '')}/bot${spec.botToken}/sendMessage`;
    const text = clip([alertSummary(event), '', ...alertDetails(event)].join('\n'), 4096);
    return jsonPost(url, { chat_id: spec.chatId, text, disable_web_page_preview: true });
  },
  host: (spec) => webhookHost(spec.apiUrl),
};
