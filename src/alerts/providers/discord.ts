import { webhookHost } from '../webhookHost.js';
import { alertDetails, alertSummary, clip } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/** Embed colours: red for down, green for up. */
const COLOUR = { down: 0xe01e5a, up: 0x2eb67d } as const;

/**
 * `type: discord`: executes a Discord webhook. POSTs JSON with `content` (the summary, at most 2000
 * characters) and one rich embed (`title` ≤ 256, `description` ≤ 4096 characters, `color`,
 * `timestamp`); `allowed_mentions.parse: []` so an error message can never ping anyone.
 */
export const discordProvider: Provider<'discord'> = {
  render(event, spec) {
    const summary = alertSummary(event);
    return jsonPost(spec.webhook, {
      content: clip(summary, 2000),
      embeds: [
        {
          title: clip(`${event.monitor} is ${event.state.toUpperCase()}`, 256),
          description: clip(alertDetails(event).join('\n'), 4096),
          color: COLOUR[event.state],
          timestamp: event.since,
        },
      ],
      allowed_mentions: { parse: [] },
    });
  },
  host: (spec) => webhookHost(spec.webhook),
};
