import { webhookHost } from '../webhookHost.js';
import { alertFacts, alertSummary } from './alertText.js';
import { type Provider, jsonPost } from './alertMessage.js';

/**
 * `type: teams`: a Microsoft Teams incoming webhook (or a Workflows "post to a channel when a
 * webhook request is received" URL). POSTs a `message` whose one attachment is an Adaptive Card
 * (`contentType: application/vnd.microsoft.card.adaptive`, card version 1.4): the summary as a bold
 * `TextBlock` (red when down, green when up) and the details as a `FactSet`.
 */
export const teamsProvider: Provider<'teams'> = {
  render(event, spec) {
    const facts = alertFacts(event).map(([title, value]) => ({ title, value }));
    return jsonPost(spec.webhook, {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: alertSummary(event), weight: 'Bolder', size: 'Medium', wrap: true, color: event.state === 'down' ? 'Attention' : 'Good' },
              { type: 'FactSet', facts },
            ],
          },
        },
      ],
    });
  },
  host: (spec) => webhookHost(spec.webhook),
};
