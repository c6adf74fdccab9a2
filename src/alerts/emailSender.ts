import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type { EmailAlertSpec } from '../config/types.js';
import type { EmailMessage } from './providers/alertMessage.js';
import type { PostOutcome } from './webhookPoster.js';

/** Sends one e-mail. Resolves, never rejects; resolves `ABORTED` when `signal` aborts. */
export type SendEmail = (spec: EmailAlertSpec, email: EmailMessage, signal?: AbortSignal) => Promise<PostOutcome>;

/** Options of {@link createEmailSender}. */
export interface EmailSenderOptions {
  /** Deadline of the connection, the greeting and each socket wait, ms. Default 10000. */
  timeoutMs?: number;
  /** Extra TLS options (a test's CA: `{ ca }`). Default: the system's trust store. */
  tls?: ConnectionOptions;
}

/**
 * The e-mail adapter: the only alert code that speaks SMTP, through nodemailer. Port 465 or
 * `secure: true` is TLS from the first byte; otherwise STARTTLS is **required** (`requireTLS`):
 * credentials never cross the wire in clear, and a server that does not offer STARTTLS fails the
 * delivery. AUTH (PLAIN/LOGIN, as the server offers) when `username` is set. Every outcome is a
 * value: a sent mail is `ok`; a failure carries nodemailer's code (`EAUTH`, `ECONNECTION`,
 * `ETIMEDOUT`, `EENVELOPE`, …) and the SMTP reply code, never the server's text or a password.
 *
 * @param options Deadlines and TLS options.
 * @returns A {@link SendEmail} that never rejects.
 */
export function createEmailSender({ timeoutMs = 10_000, tls }: EmailSenderOptions = {}): SendEmail {
  return async (spec, email, signal) => {
    const where = `${spec.host}:${spec.port}`;
    if (signal?.aborted) return { ok: false, error: { code: 'ABORTED', message: `e-mail to ${where} aborted` } };
    const transport = nodemailer.createTransport({
      host: spec.host,
      port: spec.port,
      secure: spec.secure,
      requireTLS: !spec.secure,
      ...(spec.username === undefined ? {} : { auth: { user: spec.username, pass: spec.password ?? '' } }),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      ...(tls === undefined ? {} : { tls }),
    });
    const aborted = new Promise<PostOutcome>((resolve) =>
      signal?.addEventListener('abort', () => resolve({ ok: false, error: { code: 'ABORTED', message: `e-mail to ${where} aborted` } }), { once: true }),
    );
    const sent = transport
      .sendMail({ from: email.from, to: [...email.to], subject: email.subject, text: email.text })
      .then((): PostOutcome => ({ ok: true }))
      .catch((error: unknown): PostOutcome => ({ ok: false, error: smtpError(error, where) }));
    try {
      return await Promise.race([sent, aborted]);
    } finally {
      transport.close();
    }
  };
}

function smtpError(error: unknown, where: string): { code: string; message: string } {
  const { code, responseCode } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; responseCode?: unknown };
  const name = typeof code === 'string' ? code : 'SMTP_FAILED';
  const reply = typeof responseCode === 'number' ? ` (SMTP ${responseCode})` : '';
  return { code: name, message: `e-mail to ${where} failed: ${name}${reply}` };
}
