import { webhookHost } from '../webhookHost.js';
import { alertDetails, alertSummary, clip, incidentKey } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/**
 * `type: opsgenie`: the Alert API v2 with `Authorization: GenieKey <api_key>`. A `down` (and each
 * reminder, which Opsgenie deduplicates into the open alert) creates: `POST <api_url>/v2/alerts`
 * with `message` (≤ 130 characters), `alias: rxmon/<monitor>` ({@link incidentKey}), `description`,
 * `source`, `tags`, and `priority` when set. An `up` closes it by alias:
 * `POST <api_url>/v2/alerts/<alias>/close?identifierType=alias` with `source` and `note`.
 */
export const opsgenieProvider: Provider<'opsgenie'> = {
  render(event, spec) {
    const base = spec.apiUrl.replace(/\/+$/, '');
    const headers = { Authorization: `GenieKey ${spec.apiKey}` };
    const alias = incidentKey(event.monitor);
    if (event.state === 'up') {
      const url = `${base}/v2/alerts/${encodeURIComponent(alias)}/close?identifierType=alias`;
      return jsonPost(url, { source: 'rxmon', note: alertSummary(event) }, headers);
    }
    return jsonPost(
      `${base}/v2/alerts`,
      {
        message: clip(alertSummary(event), 130),
        alias,
        description: clip(alertDetails(event).join('\n'), 15_000),
        source: 'rxmon',
        tags: ['rxmon', event.monitor],
        ...(spec.priority === undefined ? {} : { priority: spec.priority }),
      },
      headers,
    );
  },
  host: (spec) => webhookHost(spec.apiUrl),
};
