import { type Subscription, from, tap } from 'rxjs';
import type { AlertDelivery } from '../../src/alerts/alertDeliveries.js';
import type { AlertEvent } from '../../src/alerts/alertEvents.js';
import { type AlertLogger, deliverAlerts } from '../../src/alerts/deliverAlerts.js';
import { alertHost, renderAlert } from '../../src/alerts/providers/index.js';
import { createWebhookPoster } from '../../src/alerts/webhookPoster.js';
import type { AlertSpec } from '../../src/config/types.js';
import { at, fakeResult } from '../operators/fakeResult.js';
import {
  type FakeRequest,
  type ProviderFake,
  discordFake,
  gotifyFake,
  ntfyFake,
  opsgenieFake,
  pagerDutyFake,
  slackFake,
  teamsFake,
  telegramFake,
  webhookFake,
} from './providerFakes.js';
import { eventually, hangingReceiver } from './webhookReceivers.js';

interface LogRecord {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg: string;
}

function recordingLogger(): AlertLogger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const log = (level: LogRecord['level']) => (fields: object, msg: string) => records.push({ level, fields: fields as Record<string, unknown>, msg });
  return { records, info: log('info'), warn: log('warn'), error: log('error') };
}

const failed = fakeResult({ monitor: 'api', ok: false, startedAt: at(1), error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8080' } });
const recovered = fakeResult({ monitor: 'api', ok: true, startedAt: at(9), status: 200 });
const down: AlertEvent = { monitor: 'api', state: 'down', reminder: false, since: at(1), result: failed };
const up: AlertEvent = { monitor: 'api', state: 'up', reminder: false, since: at(9), result: recovered };

const common = { sendOnResolved: true } as const;
const TOKEN = 'TKN-0123456789abcdef';

interface ProviderCase {
  type: AlertSpec['type'];
  fake: () => Promise<ProviderFake>;
  spec: (base: string) => AlertSpec;
  /** What the two requests (down, then up) must carry beyond the fake's format checks. */
  expectRequests: (down: FakeRequest, up: FakeRequest) => void;
}

const cases: ProviderCase[] = [
  {
    type: 'webhook',
    fake: () => webhookFake('/hook'),
    spec: (base) => ({ ...common, name: 'hook', type: 'webhook', webhook: `${base}/hook`, headers: { 'X-Hook': '1' }, body: '{"m":"{{monitor}}","s":"{{state}}"}' }),
    expectRequests: (d, u) => {
      expect(d.json).toEqual({ m: 'api', s: 'DOWN' });
      expect(u.json).toEqual({ m: 'api', s: 'UP' });
      expect(d.headers['x-hook']).toBe('1');
    },
  },
  {
    type: 'slack',
    fake: () => slackFake(`/services/T0/B0/${TOKEN}`),
    spec: (base) => ({ ...common, name: 'chat', type: 'slack', webhook: `${base}/services/T0/B0/${TOKEN}` }),
    expectRequests: (d, u) => {
      expect(d.json?.text).toBe('api is DOWN: connect ECONNREFUSED 127.0.0.1:8080');
      expect(u.json?.text).toBe('api is UP');
      expect(JSON.stringify(d.json?.blocks)).toContain('GET http://127.0.0.1:8080/health');
    },
  },
  {
    type: 'discord',
    fake: () => discordFake(`/api/webhooks/123/${TOKEN}`),
    spec: (base) => ({ ...common, name: 'discord', type: 'discord', webhook: `${base}/api/webhooks/123/${TOKEN}` }),
    expectRequests: (d, u) => {
      expect(d.json?.content).toBe('api is DOWN: connect ECONNREFUSED 127.0.0.1:8080');
      expect(d.json?.embeds).toEqual([expect.objectContaining({ title: 'api is DOWN', color: 0xe01e5a, timestamp: at(1) })]);
      expect(d.json?.allowed_mentions).toEqual({ parse: [] });
      expect(u.json?.embeds).toEqual([expect.objectContaining({ title: 'api is UP', color: 0x2eb67d })]);
    },
  },
  {
    type: 'teams',
    fake: () => teamsFake(`/webhookb2/${TOKEN}`),
    spec: (base) => ({ ...common, name: 'teams', type: 'teams', webhook: `${base}/webhookb2/${TOKEN}` }),
    expectRequests: (d, u) => {
      const card = (request: FakeRequest) => (request.json?.attachments as Array<{ content: { body: Array<Record<string, unknown>> } }>)[0].content;
      expect(card(d).body[0]).toMatchObject({ type: 'TextBlock', text: 'api is DOWN: connect ECONNREFUSED 127.0.0.1:8080', color: 'Attention' });
      expect(card(d).body[1]).toMatchObject({ type: 'FactSet', facts: expect.arrayContaining([{ title: 'error', value: 'ECONNREFUSED' }]) });
      expect(card(u).body[0]).toMatchObject({ text: 'api is UP', color: 'Good' });
    },
  },
  {
    type: 'telegram',
    fake: () => telegramFake(`123:${TOKEN}`),
    spec: (base) => ({ ...common, name: 'tg', type: 'telegram', botToken: `123:${TOKEN}`, chatId: '-100200', apiUrl: base }),
    expectRequests: (d, u) => {
      expect(d.json).toMatchObject({ chat_id: '-100200', text: expect.stringMatching(/^api is DOWN: connect ECONNREFUSED/) });
      expect(d.json?.parse_mode).toBeUndefined();
      expect(u.json?.text).toMatch(/^api is UP\n/);
    },
  },
  {
    type: 'pagerduty',
    fake: () => pagerDutyFake(TOKEN),
    spec: (base) => ({ ...common, name: 'oncall', type: 'pagerduty', routingKey: TOKEN, url: `${base}/v2/enqueue`, severity: 'error' }),
    expectRequests: (d, u) => {
      expect(d.json).toMatchObject({
        event_action: 'trigger',
        dedup_key: 'rxmon/api',
        payload: { summary: 'api is DOWN: connect ECONNREFUSED 127.0.0.1:8080', source: 'http://127.0.0.1:8080/health', severity: 'error', timestamp: at(1) },
      });
      expect(u.json).toEqual({ routing_key: TOKEN, dedup_key: 'rxmon/api', event_action: 'resolve' });
    },
  },
  {
    type: 'opsgenie',
    fake: () => opsgenieFake(TOKEN),
    spec: (base) => ({ ...common, name: 'genie', type: 'opsgenie', apiKey: TOKEN, apiUrl: base, priority: 'P2' }),
    expectRequests: (d, u) => {
      expect(d.path).toBe('/v2/alerts');
      expect(d.json).toMatchObject({ message: 'api is DOWN: connect ECONNREFUSED 127.0.0.1:8080', alias: 'rxmon/api', priority: 'P2', source: 'rxmon' });
      expect(u.path).toBe('/v2/alerts/rxmon%2Fapi/close');
      expect(u.query.get('identifierType')).toBe('alias');
      expect(u.json).toMatchObject({ source: 'rxmon', note: 'api is UP' });
    },
  },
  {
    type: 'ntfy',
    fake: () => ntfyFake('rxmon-alerts', TOKEN),
    spec: (base) => ({ ...common, name: 'phone', type: 'ntfy', url: base, topic: 'rxmon-alerts', token: TOKEN }),
    expectRequests: (d, u) => {
      expect(d.headers).toMatchObject({ title: 'api is DOWN', priority: '4', tags: 'rotating_light,rxmon' });
      expect(d.body).toMatch(/^api is DOWN: connect ECONNREFUSED/);
      expect(u.headers).toMatchObject({ title: 'api is UP', priority: '3', tags: 'white_check_mark,rxmon' });
    },
  },
  {
    type: 'gotify',
    fake: () => gotifyFake(TOKEN),
    spec: (base) => ({ ...common, name: 'gotify', type: 'gotify', url: base, token: TOKEN, priority: 7 }),
    expectRequests: (d, u) => {
      expect(d.query.get('token')).toBeNull();
      expect(d.json).toMatchObject({ title: 'api is DOWN', priority: 7, message: expect.stringMatching(/^api is DOWN: /) });
      expect(u.json).toMatchObject({ title: 'api is UP' });
    },
  },
];

describe('alert providers, each against a local fake of its API', () => {
  let fake: ProviderFake | undefined;
  let subscription: Subscription | undefined;
  afterEach(async () => {
    subscription?.unsubscribe();
    await fake?.close();
    fake = undefined;
  });

  describe.each(cases)('type: $type', ({ fake: makeFake, spec, expectRequests }) => {
    it('sends the down and the resolved alert in the documented format, and logs them by name, type and host', async () => {
      fake = await makeFake();
      const alert = spec(fake.base);
      const logger = recordingLogger();
      const deliveries: AlertDelivery[] = [];
      subscription = deliverAlerts({ events$: from([down, up]), alert, post: createWebhookPoster(), logger, recordDelivery: (delivery) => deliveries.push(delivery) });
      const current = fake;
      await eventually(() => current.requests.length >= 2 && deliveries.length >= 2);

      expect(current.requests.map((request) => request.problems)).toEqual([[], []]);
      expect(deliveries.map((delivery) => [delivery.event.state, delivery.outcome])).toEqual([['down', 'delivered'], ['up', 'delivered']]);
      expectRequests(current.requests[0], current.requests[1]);
      const host = new URL(current.base).host;
      expect(logger.records.map((record) => record.msg)).toEqual(['alert sent', 'alert sent']);
      expect(logger.records[0].fields).toMatchObject({ alert: alert.name, type: alert.type, host, monitor: 'api', state: 'down' });
      expect(JSON.stringify(logger.records)).not.toContain(TOKEN);
    });
  });
});

describe('the fakes', () => {
  let fake: ProviderFake | undefined;
  let subscription: Subscription | undefined;
  afterEach(async () => {
    subscription?.unsubscribe();
    await fake?.close();
  });

  it.each<[string, () => Promise<ProviderFake>, (base: string) => AlertSpec, string]>([
    ['Slack gets a plain-text body', () => slackFake('/s'), (base) => ({ ...common, name: 'w', type: 'webhook', webhook: `${base}/s`, headers: {}, body: 'api {{state}}' }), 'invalid_payload: expected application/json'],
    ['PagerDuty gets another routing key', () => pagerDutyFake('right-key'), (base) => ({ ...common, name: 'p', type: 'pagerduty', routingKey: 'wrong-key', url: `${base}/v2/enqueue`, severity: 'critical' }), 'invalid routing_key'],
    ['Opsgenie gets a bearer token', () => opsgenieFake('k'), (base) => ({ ...common, name: 'w', type: 'webhook', webhook: `${base}/v2/alerts`, headers: { Authorization: 'Bearer k' } }), 'Key format is not valid'],
  ])('reject a request off the documented format (%s): a failed delivery', async (_case, makeFake, spec, problem) => {
    fake = await makeFake();
    const deliveries: AlertDelivery[] = [];
    subscription = deliverAlerts({ events$: from([down]), alert: spec(fake.base), post: createWebhookPoster(), logger: recordingLogger(), recordDelivery: (delivery) => deliveries.push(delivery) });
    await eventually(() => deliveries.length === 1);
    expect(deliveries[0]).toMatchObject({ outcome: 'failed', status: 400, attempts: 1 });
    expect(fake.requests[0].problems).toContain(problem);
  });
});

describe('failure reasons', () => {
  it('are logged through the mask, counted as failed, and name the alert', async () => {
    const logger = recordingLogger();
    const deliveries: AlertDelivery[] = [];
    const alert: AlertSpec = { ...common, name: 'tg', type: 'telegram', botToken: TOKEN, chatId: '1', apiUrl: 'http://127.0.0.1:9' };
    const subscription = deliverAlerts({
      events$: from([down]),
      alert,
      post: () => Promise.resolve({ ok: false, status: 401, error: { code: 'UNEXPECTED_STATUS', message: `bot${TOKEN} rejected` } }),
      logger,
      mask: (text) => text.split(TOKEN).join('***'),
      recordDelivery: (delivery) => deliveries.push(delivery),
    });
    await eventually(() => deliveries.length === 1);
    subscription.unsubscribe();
    expect(deliveries[0]).toMatchObject({ outcome: 'failed', attempts: 1, status: 401 });
    expect(logger.records).toEqual([
      { level: 'error', msg: 'alert failed', fields: expect.objectContaining({ alert: 'tg', type: 'telegram', host: '127.0.0.1:9', code: 'UNEXPECTED_STATUS', reason: 'bot*** rejected' }) },
    ]);
  });
});

describe('renderAlert', () => {
  it('reminders say "still" and keep the incident key', () => {
    const spec: AlertSpec = { ...common, name: 'oncall', type: 'pagerduty', routingKey: TOKEN, url: 'https://events.pagerduty.com/v2/enqueue', severity: 'critical' };
    const message = renderAlert({ ...down, reminder: true }, spec);
    expect(message.kind).toBe('http');
    const body = JSON.parse(message.kind === 'http' ? message.request.body : '{}') as { dedup_key: string; payload: { summary: string } };
    expect(body.dedup_key).toBe('rxmon/api');
    expect(body.payload.summary).toBe('api is still DOWN: connect ECONNREFUSED 127.0.0.1:8080');
  });

  it('clips an Opsgenie message to its 130 characters', () => {
    const long = { ...down, result: { ...failed, error: { code: 'X', message: 'x'.repeat(500) } } };
    const message = renderAlert(long, { ...common, name: 'g', type: 'opsgenie', apiKey: TOKEN, apiUrl: 'https://api.eu.opsgenie.com' });
    const body = JSON.parse(message.kind === 'http' ? message.request.body : '{}') as { message: string };
    expect(body.message).toHaveLength(130);
    expect(message.kind === 'http' && message.request.url).toBe('https://api.eu.opsgenie.com/v2/alerts');
  });

  it.each<[string, AlertSpec, string]>([
    ['telegram', { ...common, name: 't', type: 'telegram', botToken: TOKEN, chatId: '1', apiUrl: 'https://api.telegram.org' }, 'api.telegram.org'],
    ['slack', { ...common, name: 's', type: 'slack', webhook: `https://hooks.slack.com/services/${TOKEN}` }, 'hooks.slack.com'],
    ['email', { ...common, name: 'e', type: 'email', host: 'smtp.example', port: 587, secure: false, from: 'a@b.c', to: ['d@e.f'] }, 'smtp.example:587'],
  ])('names a %s alert by its host only', (_type, spec, host) => {
    expect(alertHost(spec)).toBe(host);
  });

  it('renders an e-mail with the summary as its subject', () => {
    const message = renderAlert(down, { ...common, name: 'mail', type: 'email', host: 'smtp.example', port: 587, secure: false, from: 'rxmon@example.com', to: ['ops@example.com'] });
    expect(message).toEqual({
      kind: 'email',
      email: expect.objectContaining({ from: 'rxmon@example.com', to: ['ops@example.com'], subject: '[rxmon] api is DOWN: connect ECONNREFUSED 127.0.0.1:8080' }),
    });
  });
});

describe('a provider that is down', () => {
  let fake: ProviderFake | undefined;
  const subscriptions: Subscription[] = [];
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    await fake?.close();
  });

  it('delays neither another provider nor the stream feeding them', async () => {
    const hanging = await hangingReceiver();
    fake = await slackFake('/services/T0/B0/ok');
    const logger = recordingLogger();
    const post = createWebhookPoster({ timeoutMs: 60_000 });
    const pagerDuty: AlertSpec = { ...common, name: 'oncall', type: 'pagerduty', routingKey: TOKEN, url: `${hanging.base}/v2/enqueue`, severity: 'critical' };
    const slack: AlertSpec = { ...common, name: 'chat', type: 'slack', webhook: `${fake.base}/services/T0/B0/ok` };
    let fed = 0;
    const counted$ = from([down, up, { ...down, monitor: 'web' }]).pipe(tap(() => (fed += 1)));
    subscriptions.push(deliverAlerts({ events$: counted$, alert: pagerDuty, post, logger, timeoutMs: 60_000 }));
    subscriptions.push(deliverAlerts({ events$: from([down, up, { ...down, monitor: 'web' }]), alert: slack, post, logger }));
    const current = fake;
    await eventually(() => current.requests.length >= 3);

    // The hanging provider still holds its first request, unanswered; its events were all taken.
    expect(hanging.requests).toHaveLength(1);
    expect(fed).toBe(3);
    expect(current.requests.map((request) => request.problems)).toEqual([[], [], []]);
    expect(logger.records.filter((record) => record.msg === 'alert sent').map((record) => record.fields.alert)).toEqual(['chat', 'chat', 'chat']);
    subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe());
    await hanging.close();
  });
});
