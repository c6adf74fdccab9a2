import { alertDetails, alertSummary, clip } from './alertText.js';
import type { Provider } from './alertMessage.js';

/**
 * `type: email`: one plain-text e-mail per alert, from `from` to every address of `to`. Subject
 * `[rxmon] api is DOWN: …` (at most 200 characters), body the summary and the details. Sent over
 * SMTP by the e-mail adapter (`createEmailSender`).
 */
export const emailProvider: Provider<'email'> = {
  render(event, spec) {
    const summary = alertSummary(event);
    return {
      kind: 'email',
      email: { from: spec.from, to: spec.to, subject: clip(`[rxmon] ${summary}`, 200), text: [summary, '', ...alertDetails(event), ''].join('\n') },
    };
  },
  host: (spec) => `${spec.host}:${spec.port}`,
};
