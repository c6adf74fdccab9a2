import { Observable } from 'rxjs';
import type { AlertSpec } from '../config/types.js';
import type { SendEmail } from './emailSender.js';
import type { AlertMessage } from './providers/alertMessage.js';
import type { PostOutcome, PostWebhook } from './webhookPoster.js';

/** Sends one rendered alert. Resolves, never rejects; aborts (and resolves) when `signal` aborts. */
export type SendAlert = (message: AlertMessage, spec: AlertSpec, signal?: AbortSignal) => Promise<PostOutcome>;

/**
 * The adapters behind one function: HTTP messages go to `post`, e-mails to `sendEmail`.
 *
 * @param adapters The HTTP poster and the e-mail sender.
 * @returns A {@link SendAlert}.
 */
export function createAlertSender({ post, sendEmail }: { post: PostWebhook; sendEmail: SendEmail }): SendAlert {
  return (message, spec, signal) => {
    if (message.kind === 'http') return post(message.request, signal);
    if (spec.type !== 'email') return Promise.resolve({ ok: false, error: { code: 'BAD_MESSAGE', message: `an e-mail for a ${spec.type} alert` } });
    return sendEmail(spec, message.email, signal);
  };
}

/**
 * A cold Observable view of one send: sends on subscribe, emits the outcome and completes;
 * unsubscribing aborts it. This is what the delivery stream retries.
 *
 * @param send The adapter.
 * @param message What to send.
 * @param spec The alert it belongs to.
 * @returns One {@link PostOutcome}, then complete.
 */
export function sendOnce(send: SendAlert, message: AlertMessage, spec: AlertSpec): Observable<PostOutcome> {
  return new Observable<PostOutcome>((subscriber) => {
    const controller = new AbortController();
    send(message, spec, controller.signal).then(
      (outcome) => {
        subscriber.next(outcome);
        subscriber.complete();
      },
      (error: unknown) => {
        subscriber.next({ ok: false, error: { code: 'SEND_FAILED', message: error instanceof Error ? error.name : 'send failed' } });
        subscriber.complete();
      },
    );
    return () => controller.abort();
  });
}
