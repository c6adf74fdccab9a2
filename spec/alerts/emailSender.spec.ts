import type { AddressInfo } from 'node:net';
import { type SMTPServerOptions, SMTPServer } from 'smtp-server';
import { type Subscription, from } from 'rxjs';
import type { AlertDelivery } from '../../src/alerts/alertDeliveries.js';
import type { AlertEvent } from '../../src/alerts/alertEvents.js';
import { type AlertLogger, deliverAlerts } from '../../src/alerts/deliverAlerts.js';
import { createEmailSender } from '../../src/alerts/emailSender.js';
import { createWebhookPoster } from '../../src/alerts/webhookPoster.js';
import type { EmailAlertSpec } from '../../src/config/types.js';
import { type PemPair, generateCert } from '../support/certs.js';
import { at, fakeResult } from '../operators/fakeResult.js';
import { eventually } from './webhookReceivers.js';

/** A mail the test server accepted, and how its session went. */
interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  /** Whether the session was TLS (after STARTTLS) when the mail came. */
  secure: boolean;
  raw: string;
}

interface MailServer {
  port: number;
  mails: ReceivedMail[];
  /** AUTH attempts, and whether each came over TLS. */
  logins: Array<{ user: string; secure: boolean }>;
  close(): Promise<void>;
}

const USER = 'rxmon';
const PASSWORD = 'smtp-Pa55word-xyz';

/** A real SMTP server on 127.0.0.1 (smtp-server): STARTTLS with a certificate made now, AUTH PLAIN/LOGIN. */
async function mailServer(cert: PemPair, options: Partial<SMTPServerOptions> = {}): Promise<MailServer> {
  const mails: ReceivedMail[] = [];
  const logins: MailServer['logins'] = [];
  const server = new SMTPServer({
    key: cert.key,
    cert: cert.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, session, callback) {
      logins.push({ user: auth.username ?? '', secure: session.secure });
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((address) => address.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          secure: session.secure,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function recordingLogger(): AlertLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (fields: object, msg: string) => lines.push(JSON.stringify({ msg, ...fields }));
  return { lines, info: log, warn: log, error: log };
}

const failed = fakeResult({ monitor: 'api', ok: false, startedAt: at(1) });
const down: AlertEvent = { monitor: 'api', state: 'down', reminder: false, since: at(1), result: failed };
const up: AlertEvent = { monitor: 'api', state: 'up', reminder: false, since: at(7), result: fakeResult({ monitor: 'api', ok: true, startedAt: at(7) }) };

function emailAlert(port: number, password = PASSWORD): EmailAlertSpec {
  return { name: 'mail', type: 'email', sendOnResolved: true, host: '127.0.0.1', port, secure: false, username: USER, password, from: 'rxmon <rxmon@example.test>', to: ['ops@example.test', 'dev@example.test'] };
}

describe('e-mail alerts through a real SMTP server', () => {
  let cert: PemPair;
  let server: MailServer | undefined;
  let subscription: Subscription | undefined;
  beforeAll(async () => {
    cert = await generateCert({ altNames: ['localhost', '127.0.0.1'] });
  });
  afterEach(async () => {
    subscription?.unsubscribe();
    await server?.close();
    server = undefined;
  });

  it('sends the down and the resolved mail over STARTTLS, logged in, to every recipient', async () => {
    server = await mailServer(cert);
    const deliveries: AlertDelivery[] = [];
    subscription = deliverAlerts({
      events$: from([down, up]),
      alert: emailAlert(server.port),
      post: createWebhookPoster(),
      sendEmail: createEmailSender({ tls: { ca: cert.cert } }),
      logger: recordingLogger(),
      recordDelivery: (delivery) => deliveries.push(delivery),
    });
    const current = server;
    await eventually(() => deliveries.length === 2, 10_000);

    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['delivered', 'delivered']);
    expect(current.logins).toEqual([{ user: USER, secure: true }, { user: USER, secure: true }]);
    expect(current.mails.map(({ from: sender, to, user, secure }) => ({ sender, to, user, secure }))).toEqual([
      { sender: 'rxmon@example.test', to: ['ops@example.test', 'dev@example.test'], user: USER, secure: true },
      { sender: 'rxmon@example.test', to: ['ops@example.test', 'dev@example.test'], user: USER, secure: true },
    ]);
    expect(current.mails[0].raw).toMatch(/^Subject: \[rxmon\] api is DOWN: connect ECONNREFUSED 127\.0\.0\.1:8080\r?$/m);
    expect(current.mails[0].raw).toContain('url: GET http://127.0.0.1:8080/health');
    expect(current.mails[1].raw).toMatch(/^Subject: \[rxmon\] api is UP\r?$/m);
  });

  it('fails a wrong password as EAUTH, and neither logs nor reports the password', async () => {
    server = await mailServer(cert);
    const deliveries: AlertDelivery[] = [];
    const logger = recordingLogger();
    subscription = deliverAlerts({
      events$: from([down]),
      alert: emailAlert(server.port, 'wrong-Pa55word-xyz'),
      post: createWebhookPoster(),
      sendEmail: createEmailSender({ tls: { ca: cert.cert } }),
      logger,
      maxRetries: 1,
      baseDelayMs: 10,
      recordDelivery: (delivery) => deliveries.push(delivery),
    });
    await eventually(() => deliveries.length === 1, 10_000);

    expect(deliveries[0]).toMatchObject({ outcome: 'failed', error: { code: 'EAUTH', message: `e-mail to 127.0.0.1:${server.port} failed: EAUTH (SMTP 535)` } });
    expect(server.mails).toEqual([]);
    expect(logger.lines.join('\n')).not.toContain('wrong-Pa55word-xyz');
    expect(logger.lines.join('\n')).toContain('"alert":"mail","type":"email"');
  });

  it('refuses to log in to a server that offers no STARTTLS: the password never crosses in clear', async () => {
    server = await mailServer(cert, { disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
    const deliveries: AlertDelivery[] = [];
    subscription = deliverAlerts({
      events$: from([down]),
      alert: emailAlert(server.port),
      post: createWebhookPoster(),
      sendEmail: createEmailSender({ tls: { ca: cert.cert } }),
      logger: recordingLogger(),
      maxRetries: 0,
      recordDelivery: (delivery) => deliveries.push(delivery),
    });
    await eventually(() => deliveries.length === 1, 10_000);

    expect(deliveries[0].outcome).toBe('failed');
    expect(server.logins).toEqual([]);
    expect(server.mails).toEqual([]);
  });
});
