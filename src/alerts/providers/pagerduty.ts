import { webhookHost } from '../webhookHost.js';
import { alertFacts, alertSummary, clip, incidentKey } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/**
 * `type: pagerduty`: the Events API v2 (`POST https://events.pagerduty.com/v2/enqueue`, or `url`).
 * A `down` (and each reminder) is `event_action: trigger` with `payload.summary` (≤ 1024
 * characters), `payload.source` (the monitor's URL), `payload.severity`, `payload.timestamp` and the
 * details in `payload.custom_details`; an `up` is `event_action: resolve`. Both carry the routing key
 * and `dedup_key: rxmon/<monitor>` ({@link incidentKey}): reminders join the open incident, the
 * resolve closes it.
 */
export const pagerDutyProvider: Provider<'pagerduty'> = {
  render(event, spec) {
    const base = { routing_key: spec.routingKey, dedup_key: incidentKey(event.monitor) };
    if (event.state === 'up') return jsonPost(spec.url, { ...base, event_action: 'resolve' });
    return jsonPost(spec.url, {
      ...base,
      event_action: 'trigger',
      payload: {
        summary: clip(alertSummary(event), 1024),
        source: event.result.url,
        severity: spec.severity,
        timestamp: event.since,
        component: event.monitor,
        custom_details: Object.fromEntries(alertFacts(event)),
      },
      client: 'rxmon',
    });
  },
  host: (spec) => webhookHost(spec.url),
};
