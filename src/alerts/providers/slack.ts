import { webhookHost } from '../webhookHost.js';
import { alertDetails, alertSummary } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/**
 * `type: slack`: a Slack incoming webhook. POSTs JSON with `text` (the summary, also the
 * notification's fallback) and Block Kit `blocks`: a `section` with the summary in bold `mrkdwn`
 * and a `context` block with the details.
 *
 * ```json
 * {"text":"api is DOWN: …","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*api is DOWN: …*"}},
 *   {"type":"context","elements":[{"type":"mrkdwn","text":"url: GET https://…\nstatus: 503\n…"}]}]}
 * ```
 */
export const slackProvider: Provider<'slack'> = {
  render(event, spec) {
    const text = alertSummary(event);
    return jsonPost(spec.webhook, {
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(text)}*` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(alertDetails(event).join('\n')) }] },
      ],
    });
  },
  host: (spec) => webhookHost(spec.webhook),
};

/** Slack's three control characters in `mrkdwn`. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
