import { webhookHost } from '../webhookHost.js';
import { alertDetails, alertSummary } from './alertText.js';
import type { Provider } from './alertMessage.js';

/**
 * `type: ntfy`: publishes to `<url>/<topic>` (`POST`, the message as a plain-text body) with the
 * `Title`, `Priority` (`priority`, default 4 for down and 3 for up) and `Tags` headers (`rotating_light`
 * or `white_check_mark`, shown as emojis, and `rxmon`); `Authorization: Bearer <token>` when a token is set.
 * Header values are ASCII-only (non-ASCII characters become `?`): HTTP headers carry no UTF-8.
 */
export const ntfyProvider: Provider<'ntfy'> = {
  render(event, spec) {
    const url = `${spec.url.replace(/\/+$/, '')}/${spec.topic}`;
    const headers: Record<string, string> = {
      Title: ascii(`${event.monitor} is ${event.reminder ? 'still ' : ''}${event.state.toUpperCase()}`),
      Priority: String(spec.priority ?? (event.state === 'down' ? 4 : 3)),
      Tags: event.state === 'down' ? 'rotating_light,rxmon' : 'white_check_mark,rxmon',
      ...(spec.token === undefined ? {} : { Authorization: `Bearer ${spec.token}` }),
    };
    const body = [alertSummary(event), ...alertDetails(event)].join('\n');
    return { kind: 'http', request: { url, headers, body, contentType: 'text/plain; charset=utf-8' } };
  },
  host: (spec) => webhookHost(spec.url),
};

/** Keeps a header value printable ASCII. */
function ascii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
